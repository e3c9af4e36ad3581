package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one data service (issues, signals or insights) is reached, and how long each of its calls may take.
 *
 * @param target   the gRPC target, e.g. {@code dns:///issues.internal:443}; empty for the bundled sample backend
 * @param security how the channel to {@code target} is secured (the bundled backend is on loopback, in plaintext)
 * @param deadline the deadline of each call
 */
record DataEndpoint(Optional<String> target, DataChannelSecurity security, Duration deadline) {

    DataEndpoint {
        Objects.requireNonNull(target, "target");
        target = target.filter(t -> !t.isBlank());
        Objects.requireNonNull(security, "security");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the data deadline must be positive");
        }
    }

    /** The security of the bundled backend, whatever was configured for remote targets. */
    DataChannelSecurity effectiveSecurity() {
        return target.isPresent() ? security : new DataChannelSecurity.Plaintext();
    }
}
