package com.lucenthq.mcp.domain.oauth;

import java.time.Duration;
import java.util.Objects;

/**
 * How this server acts as an OAuth authorization server.
 *
 * @param issuer               our issuer identifier (RFC 8414), the public base URL without a trailing slash;
 *                             sent back as {@code iss} with every authorization response (RFC 9207)
 * @param resource             the only resource indicator (RFC 8707) tokens are issued for: our MCP URL
 * @param accessTokenLifetime  how long an access token authenticates requests
 * @param codeLifetime         how long an authorization code may be redeemed (RFC 6749 §4.1.2: at most 10 minutes;
 *                             we use 60 seconds)
 * @param refreshTokenLifetime how long an unused refresh token may be exchanged
 * @param unusedClientLifetime how long a dynamic registration that no grant uses is kept
 */
public record OAuthSettings(String issuer, String resource, Duration accessTokenLifetime, Duration codeLifetime,
                            Duration refreshTokenLifetime, Duration unusedClientLifetime) {

    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    public static final Duration UNUSED_CLIENT_LIFETIME = Duration.ofDays(1);

    public OAuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(resource, "resource");
        positive("accessTokenLifetime", accessTokenLifetime);
        positive("codeLifetime", codeLifetime);
        positive("refreshTokenLifetime", refreshTokenLifetime);
        positive("unusedClientLifetime", unusedClientLifetime);
    }

    /** The defaults for an issuer and resource, with the given access-token lifetime. */
    public static OAuthSettings of(String issuer, String resource, Duration accessTokenLifetime) {
        return new OAuthSettings(issuer, resource, accessTokenLifetime, CODE_LIFETIME, REFRESH_TOKEN_LIFETIME,
                UNUSED_CLIENT_LIFETIME);
    }

    private static void positive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
