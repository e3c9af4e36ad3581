package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import java.time.Instant;
import java.util.Optional;

/**
 * Where dynamically registered OAuth clients are kept, in the shared token database so that any replica knows
 * them. (Clients with a metadata document are fetched, not stored.)
 *
 * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException from any method when the store cannot be reached
 */
public interface ClientStore {

    void add(OAuthClient client);

    Optional<OAuthClient> find(ClientId id);

    /** Deletes the registrations created before {@code cutoff} that no grant names; returns how many. */
    int deleteUnusedCreatedBefore(Instant cutoff);
}
