package com.lucenthq.mcp.application.port.in.oauth;

import com.lucenthq.mcp.domain.oauth.CodeChallenge;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request that passed every check, ready for the consent decision.
 *
 * @param redirectUri the redirect URI as presented (a loopback one may differ from the registered one in its port)
 * @param resource    the resource indicator the tokens will be bound to: our MCP URL
 */
public record ValidAuthorization(OAuthClient client, String redirectUri, CodeChallenge challenge, Optional<String> state,
                                 String resource) {

    public ValidAuthorization {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(resource, "resource");
    }
}
