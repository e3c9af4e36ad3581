package com.lucenthq.mcp.application.port.in.oauth;

/**
 * Dynamic Client Registration (RFC 7591) of a public client. Registrations are stored in the token database and
 * deleted when no grant has used them within a day. Rate limiting is the inbound adapter's, per address.
 */
public interface RegisterClient {

    RegistrationResult register(ClientRegistrationRequest request);
}
