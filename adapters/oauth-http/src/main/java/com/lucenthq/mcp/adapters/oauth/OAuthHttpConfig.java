package com.lucenthq.mcp.adapters.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the authorization server presents itself.
 *
 * @param issuer                our issuer identifier: the public base URL, without a trailing slash
 * @param consentPath           where a checked authorization request is sent for the admin's decision (the settings
 *                              page's consent screen, which has the admin session)
 * @param registrationsPerHour  dynamic registrations allowed per client address per hour, per replica
 */
public record OAuthHttpConfig(URI issuer, String consentPath, int registrationsPerHour) {

    public static final String AUTHORIZE_PATH = "/oauth/authorize";
    public static final String TOKEN_PATH = "/oauth/token";
    public static final String REGISTER_PATH = "/oauth/register";
    public static final String REVOKE_PATH = "/oauth/revoke";
    public static final int DEFAULT_REGISTRATIONS_PER_HOUR = 20;
    static final Duration REGISTRATION_WINDOW = Duration.ofHours(1);

    public OAuthHttpConfig {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.toString().endsWith("/") || issuer.getHost() == null) {
            throw new IllegalArgumentException("the issuer must be an absolute URL without a trailing slash: " + issuer);
        }
        Objects.requireNonNull(consentPath, "consentPath");
        if (registrationsPerHour < 1) {
            throw new IllegalArgumentException("registrationsPerHour must be at least 1");
        }
    }

    String url(String path) {
        return issuer + path;
    }
}
