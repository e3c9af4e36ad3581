package com.lucenthq.mcp.application.port.in.oauth;

import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import java.net.URI;

/** The consent decision on a checked request: where to send the browser next. */
public interface DecideAuthorization {

    /**
     * Approves the client for the admin's own org (never another: the org comes from the session) and returns
     * the redirect URI with a single-use {@code code}, the {@code state} and {@code iss}.
     */
    URI allow(AdminPrincipal admin, ValidAuthorization authorization);

    /** The redirect URI with {@code error=access_denied}, the {@code state} and {@code iss}; nothing is issued. */
    URI deny(ValidAuthorization authorization);
}
