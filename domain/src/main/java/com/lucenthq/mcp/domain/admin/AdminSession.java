package com.lucenthq.mcp.domain.admin;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in admin's session, found by the SHA-256 of its cookie. Kept in the shared store rather
 * than in memory, so any replica can answer any request.
 */
public record AdminSession(TokenHash hash, OrgId org, AdminKeyId keyId, Instant createdAt, Instant expiresAt) {

    public AdminSession {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public AdminPrincipal principal() {
        return new AdminPrincipal(org, keyId);
    }
}
