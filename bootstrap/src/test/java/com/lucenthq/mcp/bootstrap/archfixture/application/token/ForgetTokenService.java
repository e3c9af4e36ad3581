package com.lucenthq.mcp.bootstrap.archfixture.application.token;

import com.lucenthq.mcp.bootstrap.archfixture.application.port.in.token.ForgetToken;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.Principal;
import java.time.Instant;

/** Revokes through the store. */
public final class ForgetTokenService implements ForgetToken {
    private final TokenStore store;

    public ForgetTokenService(TokenStore store) {
        this.store = store;
    }

    @Override
    public void forget(Principal principal) {
        store.revoke(principal.org(), principal.tokenId(), Instant.EPOCH);
    }
}
