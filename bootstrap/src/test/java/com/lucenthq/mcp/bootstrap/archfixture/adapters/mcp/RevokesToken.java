package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;

/** The MCP side writing to the token store. */
final class RevokesToken {
    boolean revoke(TokenStore store, OrgId org, TokenId id) {
        return store.revoke(org, id, Instant.EPOCH);
    }
}
