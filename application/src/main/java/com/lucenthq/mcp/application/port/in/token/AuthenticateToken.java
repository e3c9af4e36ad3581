package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;

/** Turns the token a request presented into a principal, or says why it cannot. */
public interface AuthenticateToken {

    /**
     * Compares exactly: no trimming, the full {@code luc_mcp_} prefix required. A successful
     * authentication is recorded as the token's last use.
     *
     * @param presented the credential as sent, possibly null
     * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException when the store cannot be asked, which
     *         must never be answered as "unauthorized"
     */
    AuthenticationResult authenticate(String presented);
}
