package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientMetadataFetch;

/**
 * Fetches Client ID Metadata Documents: outbound I/O to an address a client chose, so the implementation decides
 * which URLs it will fetch at all (no private addresses, size and time limits) and may cache.
 */
public interface ClientMetadataDocuments {

    ClientMetadataFetch fetch(ClientId url);
}
