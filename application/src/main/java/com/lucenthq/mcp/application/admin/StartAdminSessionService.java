package com.lucenthq.mcp.application.admin;

import com.lucenthq.mcp.application.port.in.admin.AdminSignIn;
import com.lucenthq.mcp.application.port.in.admin.StartAdminSession;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.SessionSecret;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Signs an admin in for {@code sessionLength}; each sign-in also sweeps away expired sessions. */
public final class StartAdminSessionService implements StartAdminSession {

    private final AdminStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final Duration sessionLength;

    public StartAdminSessionService(AdminStore store, SecretGenerator generator, SecretHasher hasher, Clock clock,
                                    Duration sessionLength) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionLength = Objects.requireNonNull(sessionLength, "sessionLength");
        if (sessionLength.isNegative() || sessionLength.isZero()) {
            throw new IllegalArgumentException("sessionLength must be positive");
        }
    }

    @Override
    public AdminSignIn start(String presentedKey) {
        AdminKey key;
        try {
            key = AdminKey.parse(presentedKey);
        } catch (InvalidValueException notAKey) {
            return new AdminSignIn.Refused();
        }
        TokenHash hash = hasher.hash(key);
        Optional<AdminCredential> credential = store.findCredentialByHash(hash).filter(found -> found.hash().matches(hash));
        if (credential.isEmpty()) {
            return new AdminSignIn.Refused();
        }
        Instant now = clock.now();
        store.deleteSessionsExpiredBy(now);
        SessionSecret cookie = generator.generateSessionSecret();
        AdminSession session = new AdminSession(hasher.hash(cookie), credential.get().org(), credential.get().id(), now,
                now.plus(sessionLength));
        store.addSession(session);
        return new AdminSignIn.Started(session.principal(), cookie, session.expiresAt());
    }
}
