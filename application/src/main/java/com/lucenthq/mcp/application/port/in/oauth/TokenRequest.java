package com.lucenthq.mcp.application.port.in.oauth;

/** The parameters of a token request (RFC 6749 §4.1.3 and §6, RFC 7636 §4.5, RFC 8707) as sent; null when absent. */
public record TokenRequest(String grantType, String clientId, String code, String redirectUri, String codeVerifier,
                           String refreshToken, String resource) {
}
