package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as stored: its SHA-256 and its grant. Rotating: the first use sets {@code usedAt} and
 * issues a successor; any later use is a replay, which revokes the grant.
 */
public record StoredRefreshToken(TokenHash hash, GrantId grant, Instant createdAt, Instant expiresAt, Instant usedAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
