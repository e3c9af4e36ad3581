package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.RevokeToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class RevokeTokenService implements RevokeToken {

    private final TokenStore store;
    private final Clock clock;

    public RevokeTokenService(TokenStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RevocationResult revoke(OrgId org, TokenId id) {
        Instant now = clock.now();
        if (store.revoke(org, id, now)) {
            return new RevocationResult.Revoked(now);
        }
        Optional<Instant> earlier = store.find(org, id).flatMap(McpToken::revoked);
        return earlier.<RevocationResult>map(RevocationResult.AlreadyRevoked::new)
                .orElseGet(RevocationResult.NotFound::new);
    }
}
