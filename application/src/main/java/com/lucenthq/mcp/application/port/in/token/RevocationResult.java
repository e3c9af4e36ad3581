package com.lucenthq.mcp.application.port.in.token;

import java.time.Instant;

/** The outcome of a revocation. */
public sealed interface RevocationResult {

    record Revoked(Instant at) implements RevocationResult {
    }

    record AlreadyRevoked(Instant at) implements RevocationResult {
    }

    /** The org has no token with that id (whether or not another org has). */
    record NotFound() implements RevocationResult {
    }
}
