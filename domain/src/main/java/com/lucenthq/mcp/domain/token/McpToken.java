package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored MCP token: everything but the plaintext, which is never kept.
 *
 * @param lastUsedAt when a request last authenticated with it, or null if never
 * @param revokedAt  when it was revoked, or null while it is valid
 * @param expiresAt  when it stops being valid, or null for a static token, which never expires (OAuth access
 *                   tokens do)
 */
public record McpToken(TokenId id, OrgId org, TokenName name, TokenHash hash, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {

    public McpToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A static token, which does not expire. */
    public McpToken(TokenId id, OrgId org, TokenName name, TokenHash hash, Instant createdAt, Instant lastUsedAt,
                    Instant revokedAt) {
        this(id, org, name, hash, createdAt, lastUsedAt, revokedAt, null);
    }

    public static McpToken issued(TokenId id, OrgId org, TokenName name, TokenHash hash, Instant createdAt) {
        return new McpToken(id, org, name, hash, createdAt, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether it has expired at {@code now}; a static token never does. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }

    /** The same token as seen after a request authenticated with it at {@code at}. */
    public McpToken usedAt(Instant at) {
        return new McpToken(id, org, name, hash, createdAt, at, revokedAt, expiresAt);
    }

    /** The same token, revoked at {@code at}. */
    public McpToken revokedAt(Instant at) {
        return new McpToken(id, org, name, hash, createdAt, lastUsedAt, at, expiresAt);
    }
}
