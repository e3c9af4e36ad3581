package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.application.port.in.oauth.DecideAuthorization;
import com.lucenthq.mcp.application.port.in.oauth.OAuthError;
import com.lucenthq.mcp.application.port.in.oauth.ValidAuthorization;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Allow stores a grant for the admin's org and a code bound to the request; Deny stores nothing. */
public final class DecideAuthorizationService implements DecideAuthorization {

    /** Codes are swept this long after they expired; by then no client can still be redeeming one. */
    private static final Duration CODE_SWEEP_DELAY = Duration.ofHours(1);

    private final GrantStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final OAuthSettings settings;

    public DecideAuthorizationService(GrantStore store, SecretGenerator generator, SecretHasher hasher, Clock clock,
                                      OAuthSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public URI allow(AdminPrincipal admin, ValidAuthorization authorization) {
        Instant now = clock.now();
        Grant grant = Grant.approved(admin.org(), authorization.client(), now);
        AuthorizationCode code = generator.generateAuthorizationCode();
        store.addGrant(grant, new StoredCode(hasher.hash(code), grant.id(), authorization.client().id(),
                authorization.redirectUri(), authorization.challenge(), authorization.resource(),
                now.plus(settings.codeLifetime()), null));
        store.deleteCodesExpiredBefore(now.minus(CODE_SWEEP_DELAY));
        return Redirects.to(authorization.redirectUri(), Map.of("code", code.reveal()), authorization.state(),
                settings.issuer());
    }

    @Override
    public URI deny(ValidAuthorization authorization) {
        return Redirects.to(authorization.redirectUri(), Map.of("error", OAuthError.ACCESS_DENIED.code(),
                "error_description", "The administrator denied access."), authorization.state(), settings.issuer());
    }
}
