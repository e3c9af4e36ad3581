package com.lucenthq.mcp.domain.oauth;

import java.util.Objects;

/** The outcome of fetching a Client ID Metadata Document. */
public sealed interface ClientMetadataFetch {

    record Fetched(ClientMetadataDocument document) implements ClientMetadataFetch {
        public Fetched {
            Objects.requireNonNull(document, "document");
        }
    }

    /** Not fetched or not usable; {@code reason} is a sentence for the client's developer, without secrets. */
    record Unavailable(String reason) implements ClientMetadataFetch {
    }
}
