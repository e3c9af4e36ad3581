package com.lucenthq.mcp.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A public OAuth client (no secret: {@code token_endpoint_auth_method} {@code none}), registered dynamically or
 * described by its metadata document.
 */
public record OAuthClient(ClientId id, ClientName name, List<RedirectUri> redirectUris, Registration registration,
                          Instant createdAt) {

    public OAuthClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one redirect URI");
        }
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The registered redirect URI that a presented one matches, if any. */
    public Optional<RedirectUri> redirectUriFor(String presented) {
        return redirectUris.stream().filter(uri -> uri.accepts(presented)).findFirst();
    }
}
