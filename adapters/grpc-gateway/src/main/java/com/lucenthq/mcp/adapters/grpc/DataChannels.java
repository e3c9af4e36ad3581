package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.SignalServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    /**
     * Cloud load balancers and NAT gateways drop a connection that stays quiet for a few minutes (Azure 4, AWS NLB 350 s,
     * GCP 10), mostly without telling either end; the next call on it would wait for its deadline. A channel that has
     * had no call for this long closes its connections itself, before any of them, and reconnects on the next call.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(3);
    /**
     * While calls are open, a connection that has read nothing for this long is pinged, and closed when the ping is not
     * answered within {@link #KEEPALIVE_TIMEOUT}: a replica that vanished fails fast instead of at each deadline. Servers
     * must permit pings this often (grpc-java's default is 5 minutes: set {@code permitKeepAliveTime}); without calls no
     * ping is sent, the idle timeout covers that case.
     */
    static final Duration KEEPALIVE_TIME = Duration.ofSeconds(30);
    static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

    private DataChannels() {
    }

    /**
     * A channel to {@code target} (e.g. {@code data.internal:7443} or {@code dns:///data.internal:7443}) that spreads calls
     * round-robin over every address the name resolves to, leaves out a replica whose grpc.health.v1 service answers
     * NOT_SERVING (one that does not implement it counts as serving), and retries every lucent.data.v1 call answered with
     * UNAVAILABLE, at most three attempts with exponential backoff from 100 ms to 1 s. Needs a transport such as
     * grpc-netty-shaded, and grpc-services for the health checks, at runtime.
     *
     * @param security plaintext (loopback, a sidecar) or TLS, possibly with a private CA and a client certificate
     */
    public static ManagedChannel open(String target, DataChannelSecurity security) {
        return open(target, security, IDLE_TIMEOUT);
    }

    static ManagedChannel open(String target, DataChannelSecurity security, Duration idleTimeout) {
        return Grpc.newChannelBuilder(target, security.credentials())
                .defaultServiceConfig(serviceConfig())
                .enableRetry()
                .idleTimeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTime(KEEPALIVE_TIME.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .build();
    }

    static Map<String, Object> serviceConfig() {
        List<Map<String, Object>> names = SERVICES.stream().<Map<String, Object>>map(service -> Map.of("service", service))
                .toList();
        return Map.of(
                // pick_first, the default, would pin every call of this replica to one backend connection.
                "loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
                // The empty service name asks for the health of the whole server, which the services may not report one by one.
                "healthCheckConfig", Map.of("serviceName", ""),
                "methodConfig", List.of(Map.of("name", names, "retryPolicy", RETRY_POLICY)));
    }
}
