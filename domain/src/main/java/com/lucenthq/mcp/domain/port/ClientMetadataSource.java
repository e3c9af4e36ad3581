package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientMetadataDocument;

/**
 * Fetches a Client ID Metadata Document: outbound I/O to an address a client chose, so the implementation
 * decides which URLs it will fetch at all (no private addresses, size and time limits) and may cache.
 */
public interface ClientMetadataSource {

    /** The outcome of a fetch. */
    sealed interface Result {
        record Fetched(ClientMetadataDocument document) implements Result {
        }

        /** Not fetched or not usable; {@code reason} is a sentence for the client's developer, without secrets. */
        record Unavailable(String reason) implements Result {
        }
    }

    Result fetch(ClientId url);
}
