package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The three data services, each with its own target, security and deadline (see docs/configuration.md). */
record DataEndpoints(DataEndpoint issues, DataEndpoint signals, DataEndpoint insights) {

    DataEndpoints {
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(insights, "insights");
    }

    /** All three services at one target; empty for the bundled sample backend. */
    static DataEndpoints allAt(Optional<String> target, DataChannelSecurity security, Duration deadline) {
        DataEndpoint endpoint = new DataEndpoint(target, security, deadline);
        return new DataEndpoints(endpoint, endpoint, endpoint);
    }

    /** Whether any service is left to the bundled sample backend. */
    /** The longest of the services' call deadlines. */
    Duration longestDeadline() {
        return Stream.of(issues, signals, insights).map(DataEndpoint::deadline).max(Duration::compareTo).orElseThrow();
    }

    /** Whether any service was given a target of its own. */
    boolean anyTarget() {
        return Stream.of(issues, signals, insights).anyMatch(endpoint -> endpoint.target().isPresent());
    }

    boolean needsBundledBackend() {
        return Stream.of(issues, signals, insights).anyMatch(endpoint -> endpoint.target().isEmpty());
    }
}
