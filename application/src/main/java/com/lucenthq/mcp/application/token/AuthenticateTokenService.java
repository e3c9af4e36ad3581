package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.AuthenticateToken;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.port.UsageWriteFailures;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Looks a presented token up by its SHA-256 digest on every request, so that a revocation is
 * seen by the very next one. Usage is written at most once per {@code usageInterval} per token,
 * so that request load does not turn into write load; "last used" is that fresh.
 */
public final class AuthenticateTokenService implements AuthenticateToken {

    private final TokenStore store;
    private final SecretHasher hasher;
    private final Clock clock;
    private final Duration usageInterval;
    private final UsageWriteFailures usageWriteFailures;
    /** After a failed usage write, none is tried before this instant: a read-only store is not written per request. */
    private final AtomicReference<Instant> usageWritesResumeAt = new AtomicReference<>(Instant.MIN);

    /** Usage write failures are only retried later; see the other constructor to be told of them. */
    public AuthenticateTokenService(TokenStore store, SecretHasher hasher, Clock clock, Duration usageInterval) {
        this(store, hasher, clock, usageInterval, (token, failure) -> { });
    }

    /**
     * @param usageWriteFailures told of each failed "last used" write (at most one per {@code usageInterval}); the
     *                           authentication itself still answers from the read
     */
    public AuthenticateTokenService(TokenStore store, SecretHasher hasher, Clock clock, Duration usageInterval,
                                    UsageWriteFailures usageWriteFailures) {
        this.usageWriteFailures = Objects.requireNonNull(usageWriteFailures, "usageWriteFailures");
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.usageInterval = Objects.requireNonNull(usageInterval, "usageInterval");
        if (usageInterval.isNegative()) {
            throw new IllegalArgumentException("usageInterval must not be negative");
        }
    }

    @Override
    public AuthenticationResult authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return new AuthenticationResult.Missing();
        }
        PlaintextToken token;
        try {
            token = PlaintextToken.parse(presented);
        } catch (InvalidValueException malformed) {
            return new AuthenticationResult.Malformed();
        }
        TokenHash hash = hasher.hash(token);
        Optional<McpToken> stored = store.findByHash(hash).filter(candidate -> candidate.hash().matches(hash));
        if (stored.isEmpty()) {
            return new AuthenticationResult.Unknown();
        }
        McpToken found = stored.get();
        if (found.isRevoked()) {
            return new AuthenticationResult.Revoked();
        }
        Instant now = clock.now();
        if (found.isExpiredAt(now)) {
            return new AuthenticationResult.Expired();
        }
        recordUsage(found, now);
        return new AuthenticationResult.Authenticated(new Principal(found.org(), found.id()));
    }

    /** A failed write never fails the request: the token was found and is valid; "last used" is only late. */
    private void recordUsage(McpToken token, Instant now) {
        boolean due = token.lastUsed().map(last -> !last.plus(usageInterval).isAfter(now)).orElse(true);
        if (due && !now.isBefore(usageWritesResumeAt.get())) {
            try {
                store.recordUsage(token.id(), now);
            } catch (TokenStoreUnavailableException e) {
                usageWritesResumeAt.set(now.plus(usageInterval));
                usageWriteFailures.failed(token.id(), e);
            }
        }
    }
}
