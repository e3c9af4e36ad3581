package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.SessionSecret;

/** Makes new secrets from a CSPRNG, each in its own form. */
public interface SecretGenerator {

    /** A new MCP token: {@value PlaintextToken#RANDOM_BYTES} random bytes. */
    PlaintextToken generate();

    /** A new admin key: {@value AdminKey#RANDOM_BYTES} random bytes. */
    AdminKey generateAdminKey();

    /** A new admin session cookie: {@value SessionSecret#RANDOM_BYTES} random bytes. */
    SessionSecret generateSessionSecret();

    /** A new OAuth authorization code: {@value AuthorizationCode#RANDOM_BYTES} random bytes. */
    AuthorizationCode generateAuthorizationCode();

    /** A new OAuth refresh token: {@value RefreshToken#RANDOM_BYTES} random bytes. */
    RefreshToken generateRefreshToken();
}
