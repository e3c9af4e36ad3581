package com.lucenthq.mcp.samplebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleBackendTest {

    private static final GetIssueRequest KNOWN_ISSUE = GetIssueRequest.newBuilder()
            .setOrgId("acme").setId("87b3a6b6-5af5-438b-a39c-eff148a68ccb").build();

    @Test
    void servesOverARealSocketOnAnEphemeralPortUntilClosed() {
        SampleBackend backend = SampleBackend.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Clock.systemUTC());
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", backend.port(),
                InsecureChannelCredentials.create()).build();
        try {
            assertTrue(backend.port() > 0);
            var issues = IssueServiceGrpc.newBlockingStub(channel);
            assertEquals(KNOWN_ISSUE.getId(), issues.withDeadlineAfter(Duration.ofSeconds(10))
                    .getIssue(KNOWN_ISSUE).getIssue().getId());

            backend.close();

            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> issues.withDeadlineAfter(Duration.ofSeconds(10)).getIssue(KNOWN_ISSUE));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        } finally {
            channel.shutdownNow();
            backend.close();
        }
    }

    @Test
    void reportsItsHealthOnGrpcHealthV1() {
        SampleBackend backend = SampleBackend.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Clock.systemUTC());
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", backend.port(),
                InsecureChannelCredentials.create()).build();
        try {
            var health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(10));
            assertEquals(ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
            assertEquals(ServingStatus.SERVING, health.check(HealthCheckRequest.newBuilder()
                    .setService(IssueServiceGrpc.SERVICE_NAME).build()).getStatus());

            backend.serving(false);

            assertEquals(ServingStatus.NOT_SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
            assertEquals(ServingStatus.NOT_SERVING, health.check(HealthCheckRequest.newBuilder()
                    .setService("lucent.data.v1.InsightService").build()).getStatus());
            assertEquals(KNOWN_ISSUE.getId(), IssueServiceGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(10))
                    .getIssue(KNOWN_ISSUE).getIssue().getId(), "a backend not serving still answers the calls that reach it");
        } finally {
            channel.shutdownNow();
            backend.close();
        }
    }

    @Test
    void anInProcessBackendHasNoPort() {
        try (SampleBackend backend = SampleBackend.startInProcess("no-port", Clock.systemUTC())) {
            assertEquals(-1, backend.port());
        }
    }

    @Test
    void mainTakesAnOptionalLoopbackHostAndPort() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertEquals(Optional.of(new InetSocketAddress(loopback, 50051)), SampleBackendMain.address(new String[0]));
        assertEquals(Optional.of(new InetSocketAddress(loopback, 0)), SampleBackendMain.address(new String[] {"--port", "0"}));
        assertEquals(Optional.of(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 7443)),
                SampleBackendMain.address(new String[] {"--port", "7443", "--host", "127.0.0.3"}));
        assertEquals(Optional.of(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 50051)),
                SampleBackendMain.address(new String[] {"--host", "127.0.0.2"}));
        for (String[] wrong : List.of(new String[] {"--port"}, new String[] {"--port", "70000"},
                new String[] {"--port", "http"}, new String[] {"-p", "1"}, new String[] {"--host", "10.0.0.1"},
                new String[] {"--host", "0.0.0.0"}, new String[] {"--host", "localhost"})) {
            assertEquals(Optional.empty(), SampleBackendMain.address(wrong), String.join(" ", wrong));
        }
    }
}
