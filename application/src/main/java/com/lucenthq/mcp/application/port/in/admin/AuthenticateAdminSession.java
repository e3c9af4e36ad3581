package com.lucenthq.mcp.application.port.in.admin;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import java.util.Optional;

/** Resolves a session cookie into the signed-in admin, if it is a live session. */
public interface AuthenticateAdminSession {

    /**
     * @param cookie the cookie value as sent, possibly null
     * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException when the store cannot be asked
     */
    Optional<AdminPrincipal> authenticate(String cookie);
}
