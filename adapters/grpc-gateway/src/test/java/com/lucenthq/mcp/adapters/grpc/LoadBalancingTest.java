package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.ReplicatedIssues.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.samplebackend.SampleBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client-side load balancing over real sockets: two sample backends on two loopback addresses (127.0.0.2 and 127.0.0.3)
 * behind one name, reached through the production channel settings.
 */
class LoadBalancingTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void callsSpreadOverEveryReplicaAndAReplicaStoppedMidRunFailsNoCallAndRejoinsWhenBack() throws Exception {
        InetSocketAddress first = freeAddress("127.0.0.2");
        InetSocketAddress second = freeAddress("127.0.0.3");
        SampleBackend firstBackend = SampleBackend.start(first, Clock.systemUTC());
        resources.add(SampleBackend.start(second, Clock.systemUTC()));
        ReplicatedIssues issues = open(first, second);
        assertTrue(eventually(() -> {
            issues.call();
            return issues.answered(first) > 0 && issues.answered(second) > 0;
        }), "both replicas get calls: " + issues.answers());

        issues.startCalling(4);
        int secondBefore = issues.answered(second);
        assertTrue(eventually(() -> issues.answered(second) > secondBefore + 20), "calls are running");
        // As in a rolling restart: calls in flight finish, new ones go elsewhere. A replica killed outright is
        // ReplicaKilledTest's, with processes.
        firstBackend.close();
        int secondAfterStop = issues.answered(second);
        assertTrue(eventually(() -> issues.answered(second) > secondAfterStop + 100), "calls go on without it");
        int firstWhileDown = issues.answered(first);
        resources.add(SampleBackend.start(first, Clock.systemUTC()));
        assertTrue(eventually(() -> issues.answered(first) > firstWhileDown + 20),
                "the replica rejoins once it is back: " + issues.answers());

        assertEquals(List.of(), issues.stopCalling(), "no call failed while a replica was away and came back");
    }

    @Test
    void aReplicaThatReportsNotServingLeavesTheRotationAndRejoinsWhenServingAgain() {
        InetSocketAddress healthy = freeAddress("127.0.0.2");
        InetSocketAddress ailing = freeAddress("127.0.0.3");
        resources.add(SampleBackend.start(healthy, Clock.systemUTC()));
        SampleBackend ailingBackend = SampleBackend.start(ailing, Clock.systemUTC());
        resources.add(ailingBackend);
        ReplicatedIssues issues = open(healthy, ailing);
        assertTrue(eventually(() -> {
            issues.call();
            return issues.answered(ailing) > 0 && issues.answered(healthy) > 0;
        }), "both replicas get calls: " + issues.answers());

        ailingBackend.serving(false);

        // Calls already on their way when the health watch reported may still reach it; then none does.
        assertTrue(eventually(() -> {
            int before = issues.answered(ailing);
            for (int i = 0; i < 20; i++) {
                issues.call();
            }
            return issues.answered(ailing) == before;
        }), "twenty calls in a row leave out the replica that is not serving: " + issues.answers());

        ailingBackend.serving(true);

        int ailingBefore = issues.answered(ailing);
        assertTrue(eventually(() -> {
            issues.call();
            return issues.answered(ailing) > ailingBefore;
        }), "it rejoins once serving again: " + issues.answers());
    }

    private ReplicatedIssues open(InetSocketAddress... replicas) {
        ReplicatedIssues issues = new ReplicatedIssues(replicas);
        resources.add(issues);
        return issues;
    }

    static InetSocketAddress freeAddress(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return new InetSocketAddress(host, socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
