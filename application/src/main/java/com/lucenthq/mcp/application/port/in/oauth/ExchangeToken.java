package com.lucenthq.mcp.application.port.in.oauth;

/**
 * The token endpoint: redeems an authorization code (single use, at most 60 s old, bound to the client, the
 * redirect URI, the PKCE verifier and the resource) or rotates a refresh token. A second use of a code or of a
 * refresh token revokes the grant and everything issued under it.
 *
 * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException when the store cannot be asked
 */
public interface ExchangeToken {

    TokenResult exchange(TokenRequest request);
}
