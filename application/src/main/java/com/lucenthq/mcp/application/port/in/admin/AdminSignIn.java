package com.lucenthq.mcp.application.port.in.admin;

import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.token.SessionSecret;
import java.time.Instant;
import java.util.Objects;

/** The outcome of presenting an admin key. */
public sealed interface AdminSignIn {

    /** Signed in: {@code cookie} is the session's secret, to be set as an HttpOnly cookie and forgotten. */
    record Started(AdminPrincipal principal, SessionSecret cookie, Instant expiresAt) implements AdminSignIn {
        public Started {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(cookie, "cookie");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Not an admin key of any org. Deliberately says no more. */
    record Refused() implements AdminSignIn {
    }
}
