package com.lucenthq.mcp.application.port.in.oauth;

import java.net.URI;
import java.util.Objects;

/** The outcome of checking an authorization request. */
public sealed interface AuthorizationCheck {

    record Valid(ValidAuthorization authorization) implements AuthorizationCheck {
        public Valid {
            Objects.requireNonNull(authorization, "authorization");
        }
    }

    /**
     * The client or its redirect URI is unknown or does not match: the error is shown to the person and never
     * sent to the redirect URI (RFC 6749 §4.1.2.1), which would make us an open redirector.
     */
    record NotRedirectable(OAuthError error, String description) implements AuthorizationCheck {
    }

    /** Any other error: sent back to the client's verified redirect URI, with {@code state} and {@code iss}. */
    record RedirectError(URI location) implements AuthorizationCheck {
    }
}
