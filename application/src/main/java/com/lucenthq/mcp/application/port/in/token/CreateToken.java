package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.IssuedToken;
import com.lucenthq.mcp.domain.token.TokenName;

/** Mints a token for an org. Reachable from the admin side only, never from MCP. */
public interface CreateToken {

    /** The new token with its plaintext, which is not kept anywhere and can never be had again. */
    IssuedToken create(OrgId org, TokenName name);
}
