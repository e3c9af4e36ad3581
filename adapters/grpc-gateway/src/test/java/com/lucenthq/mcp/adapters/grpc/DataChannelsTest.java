package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_ISSUE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_SIGNAL;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_REGRESSION_INSIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.BindableService;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channel settings over a real socket: the sample backend behind Netty, with an interceptor
 * that can fail or stall calls before they reach it.
 */
class DataChannelsTest {

    private final Faults faults = new Faults();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (BindableService service : SampleBackend.services(Clock.systemUTC())) {
            builder.addService(ServerInterceptors.intercept(service, faults));
        }
        server = builder.build().start();
        channel = DataChannels.open("127.0.0.1:" + server.getPort(), new DataChannelSecurity.Plaintext());
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void allThreeSourcesWorkOverOneChannel() {
        assertEquals(25, new GrpcIssueSource(channel, Duration.ofSeconds(5)).list(ACME, Queries.issues()).items().size());
        assertTrue(new GrpcSignalSource(channel, Duration.ofSeconds(5)).list(ACME, Queries.signals()).items().size() > 0);
        assertTrue(new GrpcInsightSource(channel, Duration.ofSeconds(5)).list(ACME, Queries.insights()).items().size() > 0);
        assertEquals(3, faults.attempts.get());
    }

    @Test
    void retriesEveryMethodAnsweredWithUnavailable() {
        Duration deadline = Duration.ofSeconds(5);
        GrpcIssueSource issues = new GrpcIssueSource(channel, deadline);
        GrpcSignalSource signals = new GrpcSignalSource(channel, deadline);
        GrpcInsightSource insights = new GrpcInsightSource(channel, deadline);
        Map<String, Supplier<?>> methods = new LinkedHashMap<>();
        methods.put("ListIssues", () -> issues.list(ACME, Queries.issues()));
        methods.put("GetIssue", () -> issues.find(ACME, CHECKOUT_LATENCY_ISSUE).orElseThrow());
        methods.put("ListSignals", () -> signals.list(ACME, Queries.signals()));
        methods.put("GetSignal", () -> signals.find(ACME, CHECKOUT_LATENCY_SIGNAL).orElseThrow());
        methods.put("ListInsights", () -> insights.list(ACME, Queries.insights()));
        methods.put("GetInsight", () -> insights.find(ACME, CHECKOUT_REGRESSION_INSIGHT).orElseThrow());

        methods.forEach((method, call) -> {
            int before = faults.attempts.get();
            faults.fail(2, Status.UNAVAILABLE);

            call.get();

            assertEquals(before + 3, faults.attempts.get(), method + ": two failed attempts and one that worked");
        });
    }

    @Test
    void givesUpAfterThreeAttempts() {
        faults.fail(3, Status.UNAVAILABLE);

        DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class,
                () -> new GrpcSignalSource(channel, Duration.ofSeconds(5)).list(ACME, Queries.signals()));
        assertEquals("The signal service is unavailable right now; try again in a few seconds.", e.getMessage());
        assertEquals(3, faults.attempts.get());
    }

    @Test
    void doesNotRetryOtherFailures() {
        faults.fail(1, Status.INTERNAL);

        assertThrows(DataSourceUnavailableException.class,
                () -> new GrpcInsightSource(channel, Duration.ofSeconds(5)).list(ACME, Queries.insights()));
        assertEquals(1, faults.attempts.get());
    }

    @Test
    void aCallThatOutlastsItsDeadlineMakesTheSourceUnavailable() {
        faults.stall();
        long start = System.nanoTime();

        DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class,
                () -> new GrpcIssueSource(channel, Duration.ofMillis(300)).list(ACME, Queries.issues()));

        assertEquals("The issue service did not answer within 300ms; try again, or narrow the query.", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, "not retried");
        assertEquals(1, faults.attempts.get());
    }

    @Test
    void aBackendThatIsDownMakesTheSourceUnavailable() throws IOException, InterruptedException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ManagedChannel nowhere = DataChannels.open("127.0.0.1:" + closedPort, new DataChannelSecurity.Plaintext());
        try {
            DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class,
                    () -> new GrpcIssueSource(nowhere, Duration.ofSeconds(5)).find(ACME, CHECKOUT_LATENCY_ISSUE));
            assertEquals("The issue service is unavailable right now; try again in a few seconds.", e.getMessage());
        } finally {
            nowhere.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aQuietChannelClosesItsConnectionsItselfAndReconnectsOnTheNextCall() throws InterruptedException {
        // The shortest idle timeout grpc-java takes, standing in for the minutes of production.
        ManagedChannel quiet = DataChannels.open("127.0.0.1:" + server.getPort(), new DataChannelSecurity.Plaintext(),
                Duration.ofSeconds(1));
        try {
            GrpcIssueSource issues = new GrpcIssueSource(quiet, Duration.ofSeconds(5));
            issues.list(ACME, Queries.issues());
            assertEquals(ConnectivityState.READY, quiet.getState(false));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (quiet.getState(false) != ConnectivityState.IDLE && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(ConnectivityState.IDLE, quiet.getState(false), "no connection is left for a load balancer to drop");

            assertEquals(25, issues.list(ACME, Queries.issues()).items().size());
        } finally {
            quiet.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Fails the next calls with a status, or leaves every call unanswered; counts the calls that arrive. */
    private static final class Faults implements ServerInterceptor {

        final AtomicInteger attempts = new AtomicInteger();
        private volatile int failUntil;
        private volatile Status failure = Status.OK;
        private volatile boolean stalled;

        /** Fails the next {@code calls} calls with {@code status}. */
        void fail(int calls, Status status) {
            failure = status;
            failUntil = attempts.get() + calls;
        }

        void stall() {
            stalled = true;
        }

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                           ServerCallHandler<Q, A> next) {
            int attempt = attempts.incrementAndGet();
            if (stalled) {
                return new ServerCall.Listener<>() {
                };
            }
            if (attempt <= failUntil) {
                call.close(failure.withDescription("injected by the test"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }
}
