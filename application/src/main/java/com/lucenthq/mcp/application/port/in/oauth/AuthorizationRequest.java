package com.lucenthq.mcp.application.port.in.oauth;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8707 §2) as sent; each is
 * null when absent. The inbound adapter refuses a repeated parameter before building one.
 */
public record AuthorizationRequest(String responseType, String clientId, String redirectUri, String state,
                                   String codeChallenge, String codeChallengeMethod, String resource, String scope) {
}
