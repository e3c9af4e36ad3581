package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full server when what it depends on misbehaves: the data backend down, slow, or the client gone mid-request.
 * The backend is the bundled sample dataset hosted on a fixed loopback port that the test stops, restarts and slows.
 *
 * <p>Token store down is not covered here: the in-process server's embedded H2 cannot be stopped under it. That case
 * (503 with Retry-After, never a 401) is covered by ReplicasIT on PostgreSQL and by McpHttpServiceTest.
 */
class FaultsTest {

    /** Text that would leak internals into an agent's context. */
    private static final List<String> INTERNALS = List.of("io.grpc", "Exception", "UNAVAILABLE", "DEADLINE_EXCEEDED",
            "\tat ", "StatusRuntime", "127.0.0.1:");

    @TempDir
    Path dataDir;

    private final ControllableBackend backend = new ControllableBackend(freePort());
    private FullServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        backend.close();
    }

    @Test
    void aDownBackendIsAnActionableToolErrorAndTheServerRecoversWhenItComesBack() {
        backend.start();
        fixture = start(Duration.ofSeconds(2));
        fixture.assertHealthy();

        backend.stop();
        HttpResponse<String> whileDown = fixture.listIssuesWith("Bearer " + fixture.token);
        JsonNode result = FullServerFixture.toolResult(whileDown);
        assertTrue(result.path("isError").asBoolean(), whileDown.body());
        String message = result.path("content").path(0).path("text").asText();
        assertTrue(message.contains("try again"), "tells the agent what to do: " + message);
        assertNoInternals(whileDown.body());

        backend.start();
        assertTrue(eventually(Duration.ofSeconds(30), () -> {
            HttpResponse<String> response = fixture.listIssuesWith("Bearer " + fixture.token);
            return response.statusCode() == 200 && response.body().contains("\"isError\":false");
        }), "list_issues succeeds again once the backend is back, without restarting the server");
        fixture.assertHealthy();
    }

    @Test
    void aBackendSlowerThanTheDeadlineIsAToolErrorNamingTheBoundWithinTheDeadline() {
        backend.start();
        fixture = start(Duration.ofMillis(500));
        // The first call pays for connecting and loading classes, which may take longer than this short deadline.
        assertTrue(eventually(Duration.ofSeconds(15), () -> fixture.listIssuesWith("Bearer " + fixture.token).body()
                .contains("\"isError\":false")), "the warmed-up backend answers within the deadline");

        backend.delay.set(Duration.ofSeconds(3));
        long started = System.nanoTime();
        HttpResponse<String> response = fixture.listIssuesWith("Bearer " + fixture.token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode result = FullServerFixture.toolResult(response);
        assertTrue(result.path("isError").asBoolean(), response.body());
        assertTrue(result.path("content").path(0).path("text").asText().contains("did not answer within 500ms"),
                response.body());
        assertNoInternals(response.body());
        // A bound, not a benchmark: the answer comes at the deadline, far before the backend's 3 s.
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "answered after " + took.toMillis() + " ms");

        backend.delay.set(Duration.ZERO);
        fixture.assertHealthy();
    }

    @Test
    void clientsThatDisconnectMidRequestLeaveTheServerHealthyAndLeakNoThreads() throws Exception {
        backend.start();
        fixture = start(Duration.ofSeconds(5));
        fixture.assertHealthy();
        int baseline = serverThreads().size();

        backend.delay.set(Duration.ofSeconds(2));
        int arrivedBefore = backend.calls.get();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sockets.add(sendWithoutReading());
        }
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(fixture.client.sendAsync(fixture.listIssues("Bearer " + fixture.token),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertTrue(eventually(Duration.ofSeconds(10), () -> backend.calls.get() >= arrivedBefore + 10),
                "every request reached the backend before its client went away");
        for (Socket socket : sockets) {
            socket.setSoLinger(true, 0); // a reset, as from a killed client
            socket.close();
        }
        futures.forEach(future -> future.cancel(true));

        backend.delay.set(Duration.ZERO);
        fixture.assertHealthy();
        assertTrue(eventually(Duration.ofSeconds(15), () -> backend.inFlight.get() == 0),
                "no backend call stays open for a client that left: " + backend.inFlight.get());
        assertTrue(eventually(Duration.ofSeconds(15), () -> serverThreads().size() <= baseline + 2),
                "threads return to about the baseline of " + baseline + ", now " + serverThreads());
        fixture.assertHealthy();
    }

    private FullServerFixture start(Duration dataDeadline) {
        return FullServerFixture.start(dataDir, Optional.of("127.0.0.1:" + backend.port), dataDeadline,
                FullServerFixture.NO_LIMITS);
    }

    /** Writes a whole list_issues request on a fresh connection and returns without reading the answer. */
    private Socket sendWithoutReading() throws IOException {
        byte[] body = FullServerFixture.LIST_ISSUES.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", fixture.server.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + fixture.token
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /**
     * The live platform threads, less those of the test's own backend and HTTP client (pooled, they linger idle).
     * Requests run on virtual threads, which no thread count shows: a handler stuck for good would hold its backend
     * call, and the backend's count of calls in flight would not return to zero.
     */
    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> !name.startsWith(ControllableBackend.THREAD_PREFIX) && !name.startsWith("HttpClient-"))
                .sorted().toList();
    }

    private static void assertNoInternals(String body) {
        for (String internal : INTERNALS) {
            assertFalse(body.contains(internal), "the answer shows no internal detail (" + internal + "): " + body);
        }
    }

    private static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample services on one fixed port, which can be stopped, restarted, and slowed down per call. */
    private static final class ControllableBackend {

        final int port;
        final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
        static final String THREAD_PREFIX = "test-backend-";
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        private final ExecutorService executor = Executors.newCachedThreadPool(
                Thread.ofPlatform().name(THREAD_PREFIX, 0).daemon().factory());
        private Server server;

        ControllableBackend(int port) {
            this.port = port;
        }

        void start() {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .executor(executor);
            ServerInterceptor slow = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                                   ServerCallHandler<Q, R> next) {
                    calls.incrementAndGet();
                    inFlight.incrementAndGet();
                    try {
                        Thread.sleep(delay.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ServerCall<Q, R> counted = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                        @Override
                        public void close(Status status, Metadata trailers) {
                            inFlight.decrementAndGet();
                            super.close(status, trailers);
                        }
                    };
                    return next.startCall(counted, headers);
                }
            };
            SampleBackend.services(Clock.systemUTC()).forEach(service -> builder.addService(ServerInterceptors.intercept(service, slow)));
            try {
                server = builder.build().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the backend on port " + port, e);
            }
        }

        void stop() {
            if (server != null) {
                server.shutdownNow();
                try {
                    server.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server = null;
            }
        }

        void close() {
            stop();
            executor.shutdownNow();
        }
    }
}
