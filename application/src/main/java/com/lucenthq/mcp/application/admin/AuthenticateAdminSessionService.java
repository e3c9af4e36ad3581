package com.lucenthq.mcp.application.admin;

import com.lucenthq.mcp.application.port.in.admin.AuthenticateAdminSession;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretHasher;
import java.util.Objects;
import java.util.Optional;

public final class AuthenticateAdminSessionService implements AuthenticateAdminSession {

    private final AdminStore store;
    private final SecretHasher hasher;
    private final Clock clock;

    public AuthenticateAdminSessionService(AdminStore store, SecretHasher hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<AdminPrincipal> authenticate(String cookie) {
        return SessionCookies.hashOf(cookie, hasher).flatMap(hash -> store.findSessionByHash(hash)
                .filter(session -> session.hash().matches(hash))
                .filter(session -> session.isActiveAt(clock.now()))
                .map(AdminSession::principal));
    }
}
