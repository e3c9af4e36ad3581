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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
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
    void anInProcessBackendHasNoPort() {
        try (SampleBackend backend = SampleBackend.startInProcess("no-port", Clock.systemUTC())) {
            assertEquals(-1, backend.port());
        }
    }

    @Test
    void mainTakesAnOptionalPort() {
        assertEquals(OptionalInt.of(50051), SampleBackendMain.port(new String[0]));
        assertEquals(OptionalInt.of(0), SampleBackendMain.port(new String[] {"--port", "0"}));
        assertEquals(OptionalInt.of(7443), SampleBackendMain.port(new String[] {"--port", "7443"}));
        assertEquals(OptionalInt.empty(), SampleBackendMain.port(new String[] {"--port"}));
        assertEquals(OptionalInt.empty(), SampleBackendMain.port(new String[] {"--port", "70000"}));
        assertEquals(OptionalInt.empty(), SampleBackendMain.port(new String[] {"--port", "http"}));
        assertEquals(OptionalInt.empty(), SampleBackendMain.port(new String[] {"-p", "1"}));
    }
}
