package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each data service at its own target, through the whole server: one backend hosts only the issue service, another only
 * the signal and insight services, so a call routed to the wrong one fails as unimplemented.
 */
class PerServiceTargetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final Map<String, AtomicInteger> issuesBackendCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> othersBackendCalls = new ConcurrentHashMap<>();
    private Server issuesBackend;
    private Server othersBackend;
    private FullServerFixture fixture;

    @AfterEach
    void stop() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
        for (Server server : new Server[] {issuesBackend, othersBackend}) {
            if (server != null) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void issuesComeFromOneBackendAndSignalsAndInsightsFromAnother() throws IOException {
        issuesBackend = backend(Set.of("lucent.data.v1.IssueService"), issuesBackendCalls);
        othersBackend = backend(Set.of("lucent.data.v1.SignalService", "lucent.data.v1.InsightService"), othersBackendCalls);
        DataChannelSecurity plaintext = new DataChannelSecurity.Plaintext();
        Duration deadline = Duration.ofSeconds(5);
        fixture = FullServerFixture.start(dataDir, new DataEndpoints(
                new DataEndpoint(Optional.of("127.0.0.1:" + issuesBackend.getPort()), plaintext, deadline),
                new DataEndpoint(Optional.of("127.0.0.1:" + othersBackend.getPort()), plaintext, deadline),
                new DataEndpoint(Optional.of("127.0.0.1:" + othersBackend.getPort()), plaintext, deadline)),
                FullServerFixture.NO_LIMITS);

        for (String tool : List.of("list_issues", "list_signals", "list_insights")) {
            JsonNode result = callTool(tool);
            assertFalse(result.path("isError").asBoolean(), tool + ": " + result);
        }

        assertEquals(Set.of("lucent.data.v1.IssueService"), issuesBackendCalls.keySet());
        assertEquals(Set.of("lucent.data.v1.SignalService", "lucent.data.v1.InsightService"), othersBackendCalls.keySet());
    }

    @Test
    void readinessReportsTheChannelOfEachService() throws Exception {
        issuesBackend = backend(Set.of("lucent.data.v1.IssueService"), issuesBackendCalls);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DataChannelSecurity plaintext = new DataChannelSecurity.Plaintext();
        Duration deadline = Duration.ofSeconds(5);
        fixture = FullServerFixture.start(dataDir, new DataEndpoints(
                new DataEndpoint(Optional.of("127.0.0.1:" + issuesBackend.getPort()), plaintext, deadline),
                new DataEndpoint(Optional.of("127.0.0.1:" + closedPort), plaintext, deadline),
                new DataEndpoint(Optional.empty(), plaintext, deadline)),
                FullServerFixture.NO_LIMITS);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(fixture.server.operationsUrl() + "/health/ready")).build();

        // The channels connect when the server starts: the issue service is ready before any call needs it.
        JsonNode before = JSON.readTree(fixture.send(readiness).body());
        for (long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
             !"ready".equals(before.path("data_services").path("issues").asText()) && System.nanoTime() < giveUp; ) {
            Thread.sleep(50);
            before = JSON.readTree(fixture.send(readiness).body());
        }
        assertEquals("UP", before.path("status").asText());
        assertEquals("ready", before.path("data_services").path("issues").asText(), "connected before any call: " + before);

        callTool("list_issues");
        assertTrue(callTool("list_signals").path("isError").asBoolean(), "the signal service is down");

        JsonNode after = JSON.readTree(fixture.send(readiness).body());
        assertEquals("UP", after.path("status").asText(), "a data service down leaves the replica ready: " + after);
        assertEquals("ready", after.path("data_services").path("issues").asText(), after.toString());
        assertEquals("transient_failure", after.path("data_services").path("signals").asText(), after.toString());
        assertEquals("ready", after.path("data_services").path("insights").asText(), after.toString());
    }

    private JsonNode callTool(String tool) {
        HttpRequest request = HttpRequest.newBuilder(fixture.mcpUri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + fixture.token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}"))
                .build();
        HttpResponse<String> response = fixture.send(request);
        return FullServerFixture.toolResult(response);
    }

    /** A loopback server hosting only {@code services} of the sample dataset, counting the calls each receives. */
    private static Server backend(Set<String> services, Map<String, AtomicInteger> calls) throws IOException {
        ServerInterceptor counting = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                calls.computeIfAbsent(call.getMethodDescriptor().getServiceName(), s -> new AtomicInteger())
                        .incrementAndGet();
                return next.startCall(call, headers);
            }
        };
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (BindableService service : SampleBackend.services(Clock.systemUTC())) {
            if (services.contains(service.bindService().getServiceDescriptor().getName())) {
                builder.addService(ServerInterceptors.intercept(service, counting));
            }
        }
        return builder.build().start();
    }
}
