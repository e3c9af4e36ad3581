package com.lucenthq.mcp.application.port.in.oauth;

/**
 * RFC 7009: a client gives up an access or refresh token it holds, which ends its whole grant. Unknown tokens
 * and static tokens are ignored, and the answer is the same either way.
 */
public interface RevokeOAuthToken {

    void revoke(String token);
}
