package com.lucenthq.mcp.application.port.in.oauth;

import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import java.time.Duration;
import java.util.Objects;

/** The outcome of a token request. */
public sealed interface TokenResult {

    /** RFC 6749 §5.1: the access token is a {@code luc_mcp_} token; the refresh token replaces the one used, if any. */
    record Issued(PlaintextToken accessToken, Duration expiresIn, RefreshToken refreshToken, String scope)
            implements TokenResult {
        public Issued {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresIn, "expiresIn");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** RFC 6749 §5.2; nothing was issued. */
    record Refused(OAuthError error, String description) implements TokenResult {
    }
}
