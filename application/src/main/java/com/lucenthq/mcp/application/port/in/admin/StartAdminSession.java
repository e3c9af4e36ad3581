package com.lucenthq.mcp.application.port.in.admin;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;

/** Exchanges an admin key for a session: the settings page's sign-in. */
public interface StartAdminSession {

    /**
     * @param presentedKey the key as typed, compared exactly
     * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException when the store cannot be asked
     */
    AdminSignIn start(String presentedKey);
}
