package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.application.port.in.oauth.RevokeOAuthToken;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.util.Objects;
import java.util.Optional;

/** Ends the grant of a presented access or refresh token; a static {@code luc_mcp_} token is left alone. */
public final class RevokeOAuthTokenService implements RevokeOAuthToken {

    private final GrantStore store;
    private final SecretHasher hasher;
    private final Clock clock;

    public RevokeOAuthTokenService(GrantStore store, SecretHasher hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revoke(String token) {
        if (token == null) {
            return;
        }
        Optional<GrantId> grant;
        try {
            if (token.startsWith(RefreshToken.PREFIX)) {
                TokenHash hash = hasher.hash(RefreshToken.parse(token));
                grant = store.findRefreshToken(hash).filter(found -> found.hash().matches(hash))
                        .map(StoredRefreshToken::grant);
            } else {
                grant = store.grantOfAccessToken(hasher.hash(PlaintextToken.parse(token)));
            }
        } catch (InvalidValueException notOurs) {
            return;
        }
        grant.flatMap(store::find).ifPresent(found -> store.revoke(found.org(), found.id(), clock.now()));
    }
}
