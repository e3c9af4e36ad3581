package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

/** The outcome of presenting a token. */
public sealed interface AuthenticationResult {

    record Authenticated(Principal principal) implements AuthenticationResult {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** Nothing was presented. */
    record Missing() implements AuthenticationResult {
    }

    /** What was presented is not of the token form. */
    record Malformed() implements AuthenticationResult {
    }

    /** Of the token form, but no such token exists. */
    record Unknown() implements AuthenticationResult {
    }

    /** The token exists and was revoked. */
    record Revoked() implements AuthenticationResult {
    }

    /** An OAuth access token past its lifetime: the client should refresh it. */
    record Expired() implements AuthenticationResult {
    }
}
