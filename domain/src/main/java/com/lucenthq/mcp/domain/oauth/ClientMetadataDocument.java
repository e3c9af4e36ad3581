package com.lucenthq.mcp.domain.oauth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a fetched Client ID Metadata Document that matter to us, as the document states them; the
 * use case checks them (its {@code client_id} must be the URL it was fetched from).
 */
public record ClientMetadataDocument(String clientId, Optional<String> clientName, List<String> redirectUris,
                                     Optional<String> tokenEndpointAuthMethod) {

    public ClientMetadataDocument {
        Objects.requireNonNull(clientName, "clientName");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
    }
}
