package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's approval of one client for one org: what the access and refresh tokens issued to that client hang
 * from. Revoking it revokes all of them.
 *
 * @param lastUsedAt when one of its access tokens last authenticated a request, or null
 * @param revokedAt  when it was revoked, or null while it stands
 */
public record Grant(GrantId id, OrgId org, ClientId clientId, ClientName clientName, Registration registration,
                    Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Grant approved(OrgId org, OAuthClient client, Instant at) {
        return new Grant(GrantId.random(), org, client.id(), client.name(), client.registration(), at, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }
}
