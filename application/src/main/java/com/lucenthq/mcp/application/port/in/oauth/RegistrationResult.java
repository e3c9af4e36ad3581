package com.lucenthq.mcp.application.port.in.oauth;

import com.lucenthq.mcp.domain.oauth.OAuthClient;

/** The outcome of a dynamic client registration. */
public sealed interface RegistrationResult {

    record Registered(OAuthClient client) implements RegistrationResult {
    }

    /** RFC 7591 §3.2.2: {@code invalid_redirect_uri} or {@code invalid_client_metadata}. */
    record Invalid(OAuthError error, String description) implements RegistrationResult {
    }
}
