package com.lucenthq.mcp.application.port.in.oauth;

/**
 * Checks an authorization request: a known client, a redirect URI it registered, {@code response_type=code}, a
 * PKCE S256 challenge, and our MCP URL as the resource. Run again when the consent form is posted.
 *
 * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException when the client store cannot be asked
 */
public interface CheckAuthorization {

    AuthorizationCheck check(AuthorizationRequest request);
}
