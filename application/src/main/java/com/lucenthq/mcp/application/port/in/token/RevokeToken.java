package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenId;

/** Revokes one of the org's tokens; the very next request with it is refused. Admin side only. */
public interface RevokeToken {

    RevocationResult revoke(OrgId org, TokenId id);
}
