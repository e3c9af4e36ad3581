package com.lucenthq.mcp.application.admin;

import com.lucenthq.mcp.application.port.in.admin.EndAdminSession;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.SecretHasher;
import java.util.Objects;

public final class EndAdminSessionService implements EndAdminSession {

    private final AdminStore store;
    private final SecretHasher hasher;

    public EndAdminSessionService(AdminStore store, SecretHasher hasher) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public void end(String cookie) {
        SessionCookies.hashOf(cookie, hasher).ifPresent(store::deleteSession);
    }
}
