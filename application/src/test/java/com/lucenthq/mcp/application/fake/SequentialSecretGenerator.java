package com.lucenthq.mcp.application.fake;

import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.SessionSecret;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable secrets for tests: the n-th secret of each kind carries n in its random part. */
public final class SequentialSecretGenerator implements SecretGenerator {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public PlaintextToken generate() {
        return PlaintextToken.parse(PlaintextToken.PREFIX + "%032d".formatted(count.incrementAndGet()));
    }

    @Override
    public AdminKey generateAdminKey() {
        return AdminKey.parse(AdminKey.PREFIX + "%032d".formatted(count.incrementAndGet()));
    }

    @Override
    public SessionSecret generateSessionSecret() {
        return SessionSecret.parse("%043d".formatted(count.incrementAndGet()));
    }

    @Override
    public AuthorizationCode generateAuthorizationCode() {
        return AuthorizationCode.parse(AuthorizationCode.PREFIX + "%043d".formatted(count.incrementAndGet()));
    }

    @Override
    public RefreshToken generateRefreshToken() {
        return RefreshToken.parse(RefreshToken.PREFIX + "%043d".formatted(count.incrementAndGet()));
    }
}
