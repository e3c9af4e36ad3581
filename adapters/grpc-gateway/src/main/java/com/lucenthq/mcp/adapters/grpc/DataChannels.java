package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import java.util.List;
import java.util.Map;

/**
 * Channels to the lucent.data.v1 services. Create one per target, hand it to every source that
 * talks to that target, and shut it down when done: a channel pools connections and is meant to be
 * reused (STYLE §8).
 */
public final class DataChannels {

    /** Every lucent.data.v1 method is an idempotent read, so each may be retried. */
    static final List<String> SERVICES = List.of(
            IssueServiceGrpc.SERVICE_NAME, SignalServiceGrpc.SERVICE_NAME, InsightServiceGrpc.SERVICE_NAME);

    // gRPC's service config is JSON-shaped: numbers must be Doubles and durations strings in seconds.
    private static final Map<String, Object> RETRY_POLICY = Map.of(
            "maxAttempts", 3.0,
            "initialBackoff", "0.1s",
            "maxBackoff", "1s",
            "backoffMultiplier", 2.0,
            // UNAVAILABLE is the transient failure: a restart, a dropped connection. The other codes are
            // final answers, or retrying would overload the service further (RESOURCE_EXHAUSTED) or
            // outlast the caller's time budget (DEADLINE_EXCEEDED).
            "retryableStatusCodes", List.of("UNAVAILABLE"));

    private DataChannels() {
    }

    /**
     * A channel to {@code target} (e.g. {@code data.internal:7443} or {@code dns:///data.internal:7443})
     * that retries every lucent.data.v1 call answered with UNAVAILABLE, at most three attempts with
     * exponential backoff from 100 ms to 1 s. Needs a transport such as grpc-netty-shaded at runtime.
     *
     * @param security plaintext (loopback, a sidecar) or TLS, possibly with a private CA and a client certificate
     */
    public static ManagedChannel open(String target, DataChannelSecurity security) {
        return Grpc.newChannelBuilder(target, security.credentials())
                .defaultServiceConfig(serviceConfig())
                .enableRetry()
                .build();
    }

    static Map<String, Object> serviceConfig() {
        List<Map<String, Object>> names = SERVICES.stream().<Map<String, Object>>map(service -> Map.of("service", service))
                .toList();
        return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", RETRY_POLICY)));
    }
}
