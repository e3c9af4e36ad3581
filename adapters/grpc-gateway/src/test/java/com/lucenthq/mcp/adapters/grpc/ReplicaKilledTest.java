package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.ReplicatedIssues.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.samplebackend.SampleBackendMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica killed outright (SIGKILL: its connections reset, calls in flight cut off) while calls run: two sample
 * backend processes on 127.0.0.2 and 127.0.0.3 behind one name.
 */
class ReplicaKilledTest {

    private final List<Process> processes = new ArrayList<>();
    private ReplicatedIssues issues;

    @AfterEach
    void stop() throws InterruptedException {
        if (issues != null) {
            issues.close();
        }
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noCallFailsWhenAReplicaIsKilledAndItRejoinsWhenRestarted() throws Exception {
        InetSocketAddress first = LoadBalancingTest.freeAddress("127.0.0.2");
        InetSocketAddress second = LoadBalancingTest.freeAddress("127.0.0.3");
        Process firstProcess = startBackend(first);
        startBackend(second);
        issues = new ReplicatedIssues(first, second);
        assertTrue(eventually(() -> {
            issues.call();
            return issues.answered(first) > 0 && issues.answered(second) > 0;
        }), "both replicas get calls: " + issues.answers());

        issues.startCalling(4);
        int firstBefore = issues.answered(first);
        assertTrue(eventually(() -> issues.answered(first) > firstBefore + 20), "calls are running");
        firstProcess.destroyForcibly();
        assertTrue(firstProcess.waitFor(10, TimeUnit.SECONDS));
        int secondAfterKill = issues.answered(second);
        assertTrue(eventually(() -> issues.answered(second) > secondAfterKill + 100), "calls go on without it");
        int firstWhileDown = issues.answered(first);
        startBackend(first);
        assertTrue(eventually(() -> issues.answered(first) > firstWhileDown + 20),
                "the replica rejoins once restarted: " + issues.answers());

        assertEquals(List.of(), issues.stopCalling(), "no call failed while a replica was killed and restarted");
    }

    /** Runs SampleBackendMain in its own JVM on {@code address} and waits until it listens. */
    private Process startBackend(InetSocketAddress address) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SampleBackendMain.class.getName(),
                "--host", address.getHostString(), "--port", Integer.toString(address.getPort()))
                .redirectErrorStream(true).start();
        processes.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = output.readLine()) != null; ) {
            if (line.startsWith("Sample backend listening on ")) {
                // Keep draining, so that the process never blocks on a full pipe.
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { }));
                return process;
            }
        }
        throw new IllegalStateException("the sample backend on " + address + " exited with " + process.onExit().join().exitValue());
    }
}
