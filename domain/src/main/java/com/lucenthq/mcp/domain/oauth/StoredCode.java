package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization code as stored: its SHA-256 and everything it is bound to (RFC 6749 §4.1.3, RFC 7636,
 * RFC 8707). Single use: {@code consumedAt} is set by the first redemption.
 */
public record StoredCode(TokenHash hash, GrantId grant, ClientId clientId, String redirectUri, CodeChallenge challenge,
                         String resource, Instant expiresAt, Instant consumedAt) {

    public StoredCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
