package com.lucenthq.mcp.application.fake;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TokenStore} in memory, held to the same contract as the JDBC one ({@code TokenStoreContract}),
 * including its microsecond timestamps. {@link #setAvailable(boolean) setAvailable(false)} makes every
 * method fail as an unreachable database would, for testing the "503, not 401" paths.
 */
public final class InMemoryTokenStore implements TokenStore {

    /** Newest first; equal times in descending id text, which orders like the databases' UUID order. */
    private static final Comparator<McpToken> NEWEST_FIRST = Comparator.comparing(McpToken::createdAt)
            .thenComparing(token -> token.id().toString())
            .reversed();

    private final Map<TokenId, McpToken> tokens = new HashMap<>();
    private volatile boolean available = true;

    /** While false, every method throws {@link TokenStoreUnavailableException}; the tokens are kept. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized void add(McpToken token) {
        ensureAvailable();
        // The real store's primary key and unique index refuse these; a test adding one has a bug.
        if (tokens.containsKey(token.id()) || byHash(token.hash()).isPresent()) {
            throw new IllegalStateException("a token with id " + token.id() + " or the same hash is already stored");
        }
        tokens.put(token.id(), new McpToken(token.id(), token.org(), token.name(), token.hash(),
                micros(token.createdAt()), micros(token.lastUsedAt()), micros(token.revokedAt()), micros(token.expiresAt())));
    }

    @Override
    public synchronized Optional<McpToken> findByHash(TokenHash hash) {
        ensureAvailable();
        return byHash(hash);
    }

    @Override
    public synchronized List<McpToken> list(OrgId org) {
        ensureAvailable();
        return tokens.values().stream().filter(token -> token.org().equals(org)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized Optional<McpToken> find(OrgId org, TokenId id) {
        ensureAvailable();
        return Optional.ofNullable(tokens.get(id)).filter(token -> token.org().equals(org));
    }

    @Override
    public synchronized boolean revoke(OrgId org, TokenId id, Instant at) {
        ensureAvailable();
        Optional<McpToken> revocable = find(org, id).filter(token -> !token.isRevoked());
        revocable.ifPresent(token -> tokens.put(id, token.revokedAt(micros(at))));
        return revocable.isPresent();
    }

    @Override
    public synchronized void recordUsage(TokenId id, Instant at) {
        ensureAvailable();
        Instant usedAt = micros(at);
        McpToken token = tokens.get(id);
        if (token != null && (token.lastUsedAt() == null || token.lastUsedAt().isBefore(usedAt))) {
            tokens.put(id, token.usedAt(usedAt));
        }
    }

    private Optional<McpToken> byHash(TokenHash hash) {
        return tokens.values().stream().filter(token -> token.hash().matches(hash)).findFirst();
    }

    private void ensureAvailable() {
        if (!available) {
            throw new TokenStoreUnavailableException("The token store is unavailable (simulated by the test).", null);
        }
    }

    /** The precision of PostgreSQL's and H2's timestamps, which the JDBC store truncates to as well. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
