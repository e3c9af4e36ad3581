package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientMetadataDocument;
import com.lucenthq.mcp.domain.oauth.ClientName;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import com.lucenthq.mcp.domain.oauth.Registration;
import com.lucenthq.mcp.domain.port.ClientMetadataDocuments;
import com.lucenthq.mcp.domain.oauth.ClientMetadataFetch;
import com.lucenthq.mcp.domain.port.ClientStore;
import com.lucenthq.mcp.domain.port.Clock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds a client by its {@code client_id}: a URL is a Client ID Metadata Document, fetched and checked (its
 * {@code client_id} must be that URL, it must be a public client, its redirect URIs well-formed); anything else
 * is a dynamic registration in the store.
 */
final class ClientDirectory {

    /** The outcome of a lookup. */
    sealed interface Lookup permits Found, NotFound {
    }

    record Found(OAuthClient client) implements Lookup {
    }

    /** {@code reason} is a sentence for the client's developer. */
    record NotFound(String reason) implements Lookup {
    }

    private final ClientStore store;
    private final ClientMetadataDocuments metadataDocuments;
    private final Clock clock;

    ClientDirectory(ClientStore store, ClientMetadataDocuments metadataDocuments, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metadataDocuments = Objects.requireNonNull(metadataDocuments, "metadataDocuments");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Lookup find(ClientId id) {
        if (!id.isMetadataDocumentUrl()) {
            return store.find(id).<Lookup>map(Found::new)
                    .orElseGet(() -> new NotFound("No client is registered with this client_id; register again."));
        }
        return switch (metadataDocuments.fetch(id)) {
            case ClientMetadataFetch.Fetched fetched -> fromDocument(id, fetched.document());
            case ClientMetadataFetch.Unavailable unavailable -> new NotFound(
                    "The client metadata document could not be used: " + unavailable.reason());
        };
    }

    private Lookup fromDocument(ClientId id, ClientMetadataDocument document) {
        if (!id.value().equals(document.clientId())) {
            return new NotFound("The client metadata document's client_id must be the document's own URL.");
        }
        if (document.tokenEndpointAuthMethod().filter(method -> !method.equals("none")).isPresent()) {
            return new NotFound("Only public clients are supported: token_endpoint_auth_method must be none.");
        }
        if (document.redirectUris().isEmpty()) {
            return new NotFound("The client metadata document lists no redirect_uris.");
        }
        List<RedirectUri> redirectUris = new ArrayList<>();
        ClientName name;
        try {
            for (String uri : document.redirectUris()) {
                redirectUris.add(RedirectUri.of(uri));
            }
            name = ClientName.of(document.clientName().orElse(URI.create(id.value()).getHost()));
        } catch (IllegalArgumentException e) { // InvalidValueException, or a host-less URL
            return new NotFound("The client metadata document is invalid: " + e.getMessage() + ".");
        }
        return new Found(new OAuthClient(id, name, redirectUris, Registration.METADATA_DOCUMENT, clock.now()));
    }
}
