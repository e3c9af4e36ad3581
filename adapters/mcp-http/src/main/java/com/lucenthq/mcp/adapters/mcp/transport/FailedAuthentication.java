package com.lucenthq.mcp.adapters.mcp.transport;

import java.net.SocketAddress;

/**
 * The failed-authentication limit per client address ({@link RateLimits#failedAuthPerAddress()}).
 *
 * <p>It is consulted only after the presented credential has been checked, and only when it was refused: a valid
 * credential is never refused because others failed from the same address (a NAT, a revoked client retrying). A
 * refusal beyond the limit is answered 429 with {@code Retry-After} instead of 401. The token store is spared by the
 * per-address request limit, which applies before any lookup, and by the syntax check, which refuses a malformed
 * credential without one; docs/security.md gives the lookup cost of a flood.
 */
public final class FailedAuthentication {

    private final RateLimiter<ClientAddress> failures;

    public FailedAuthentication(RateLimits limits) {
        this(limits, Ticker.SYSTEM);
    }

    FailedAuthentication(RateLimits limits, Ticker ticker) {
        this.failures = new RateLimiter<>("failed authentication per address", limits.failedAuthPerAddress(),
                limits.maxTrackedKeys(), ticker);
    }

    /**
     * Counts a refused credential from {@code peer}. Returns 0 when it is within the limit (answer 401), else the
     * nanoseconds until the address may fail again (answer 429 with {@code Retry-After}).
     */
    public long refused(SocketAddress peer) {
        return failures.acquire(ClientAddress.of(peer));
    }
}
