package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.RevokeToken;
import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Revokes a static token, or an OAuth grant (with every token issued under it) listed under the same id. */
public final class RevokeTokenService implements RevokeToken {

    private final TokenStore store;
    private final GrantStore grants;
    private final Clock clock;

    public RevokeTokenService(TokenStore store, GrantStore grants, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RevocationResult revoke(OrgId org, TokenId id) {
        Instant now = clock.now();
        GrantId grant = new GrantId(id.value());
        if (store.revoke(org, id, now) || grants.revoke(org, grant, now)) {
            return new RevocationResult.Revoked(now);
        }
        Optional<Instant> earlier = store.find(org, id).flatMap(McpToken::revoked)
                .or(() -> grants.find(org, grant).flatMap(Grant::revoked));
        return earlier.<RevocationResult>map(RevocationResult.AlreadyRevoked::new)
                .orElseGet(RevocationResult.NotFound::new);
    }
}
