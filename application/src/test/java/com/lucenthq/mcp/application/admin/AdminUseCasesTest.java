package com.lucenthq.mcp.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.fake.InMemoryAdminStore;
import com.lucenthq.mcp.application.fake.InMemoryTokenStore;
import com.lucenthq.mcp.application.fake.JdkSha256Hasher;
import com.lucenthq.mcp.application.fake.SequentialSecretGenerator;
import com.lucenthq.mcp.application.port.in.admin.AdminSignIn;
import com.lucenthq.mcp.application.port.in.admin.IssuedAdminKey;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.SessionSecret;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Admin keys and sessions: sign in, stay signed in for a while, sign out, never with an MCP token. */
class AdminUseCasesTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final Duration SESSION = Duration.ofHours(8);

    private final InMemoryAdminStore store = new InMemoryAdminStore();
    private final SequentialSecretGenerator generator = new SequentialSecretGenerator();
    private final JdkSha256Hasher hasher = new JdkSha256Hasher();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    private final Clock clock = now::get;

    private final CreateAdminKeyService createKey = new CreateAdminKeyService(store, generator, hasher, clock);
    private final StartAdminSessionService signIn = new StartAdminSessionService(store, generator, hasher, clock, SESSION);
    private final AuthenticateAdminSessionService authenticate = new AuthenticateAdminSessionService(store, hasher, clock);
    private final EndAdminSessionService signOut = new EndAdminSessionService(store, hasher);

    @Test
    void anAdminKeySignsInToItsOrgAndTheCookieAuthenticatesUntilItExpires() {
        IssuedAdminKey key = createKey.create(ACME);
        assertFalse(key.credential().toString().contains(key.key().reveal()));

        AdminSignIn.Started started = assertInstanceOf(AdminSignIn.Started.class, signIn.start(key.key().reveal()));
        assertEquals(new AdminPrincipal(ACME, key.credential().id()), started.principal());
        assertEquals(now.get().plus(SESSION), started.expiresAt());

        String cookie = started.cookie().reveal();
        assertEquals(Optional.of(started.principal()), authenticate.authenticate(cookie));
        now.set(started.expiresAt().minusSeconds(1));
        assertTrue(authenticate.authenticate(cookie).isPresent());
        now.set(started.expiresAt());
        assertEquals(Optional.empty(), authenticate.authenticate(cookie));
    }

    @Test
    void onlyAnExactAdminKeySignsIn() {
        String key = createKey.create(ACME).key().reveal();
        for (String presented : List.of(key + " ", key.substring(0, 39), "luc_mcp_" + key.substring(8), "", "nope")) {
            assertInstanceOf(AdminSignIn.Refused.class, signIn.start(presented), presented);
        }
        assertInstanceOf(AdminSignIn.Refused.class, signIn.start(null));
    }

    @Test
    void anMcpTokenIsNotAnAdminKey() {
        String mcpToken = new CreateTokenService(new InMemoryTokenStore(), generator, hasher, clock)
                .create(ACME, TokenName.of("agent")).plaintext().reveal();
        assertInstanceOf(AdminSignIn.Refused.class, signIn.start(mcpToken));
    }

    @Test
    void signingOutEndsTheSessionAtOnce() {
        String key = createKey.create(ACME).key().reveal();
        String cookie = ((AdminSignIn.Started) signIn.start(key)).cookie().reveal();

        signOut.end(cookie);

        assertEquals(Optional.empty(), authenticate.authenticate(cookie));
        signOut.end(cookie);
        signOut.end("not a cookie");
        signOut.end(null);
    }

    @Test
    void forgedOrMissingCookiesAuthenticateNobody() {
        String key = createKey.create(ACME).key().reveal();
        String cookie = ((AdminSignIn.Started) signIn.start(key)).cookie().reveal();
        assertEquals(Optional.empty(), authenticate.authenticate(null));
        assertEquals(Optional.empty(), authenticate.authenticate(""));
        assertEquals(Optional.empty(), authenticate.authenticate(key));
        assertEquals(Optional.empty(), authenticate.authenticate(cookie.substring(1) + "A"));
    }

    @Test
    void signingInSweepsAwayExpiredSessions() {
        String key = createKey.create(ACME).key().reveal();
        String old = ((AdminSignIn.Started) signIn.start(key)).cookie().reveal();
        now.set(now.get().plus(SESSION).plusSeconds(1));

        signIn.start(key);

        assertTrue(store.findSessionByHash(hasher.hash(SessionSecret.parse(old))).isEmpty());
    }

    @Test
    void anUnreachableStoreIsNotARefusal() {
        String key = createKey.create(ACME).key().reveal();
        store.setAvailable(false);
        assertThrows(TokenStoreUnavailableException.class, () -> signIn.start(key));
    }
}
