package com.lucenthq.mcp.application.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.application.contract.AdminStoreContract;
import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InMemoryAdminStoreTest extends AdminStoreContract {

    private static final OrgId ACME = OrgId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Override
    protected AdminStore emptyStore() {
        return new InMemoryAdminStore();
    }

    @Test
    void everyMethodFailsAsUnavailableWhileTheStoreIsDown() {
        InMemoryAdminStore store = new InMemoryAdminStore();
        AdminCredential credential = credential("a");
        store.addCredential(credential);
        AdminSession session = session(credential, "b");
        store.addSession(session);

        store.setAvailable(false);

        List<Executable> calls = List.of(
                () -> store.addCredential(credential("c")),
                () -> store.findCredentialByHash(credential.hash()),
                () -> store.addSession(session(credential, "d")),
                () -> store.findSessionByHash(session.hash()),
                () -> store.deleteSession(session.hash()),
                () -> store.deleteSessionsExpiredBy(NOW.plus(Duration.ofDays(1))));
        for (Executable call : calls) {
            assertThrows(TokenStoreUnavailableException.class, call);
        }
        store.setAvailable(true);
        assertEquals(Optional.of(credential), store.findCredentialByHash(credential.hash()));
        assertEquals(Optional.of(session), store.findSessionByHash(session.hash()), "kept through the outage");
    }

    @Test
    void whatTheDatabaseWouldRefuseIsRefused() {
        InMemoryAdminStore store = new InMemoryAdminStore();
        AdminCredential credential = credential("a");
        store.addCredential(credential);
        AdminSession session = session(credential, "b");
        store.addSession(session);

        assertThrows(IllegalStateException.class, () -> store.addCredential(
                new AdminCredential(AdminKeyId.random(), ACME, credential.hash(), NOW)), "same key hash");
        assertThrows(IllegalStateException.class, () -> store.addCredential(
                new AdminCredential(credential.id(), ACME, new TokenHash("c".repeat(64)), NOW)), "same key id");
        assertThrows(IllegalStateException.class, () -> store.addSession(session), "same session hash");
        assertThrows(IllegalStateException.class, () -> store.addSession(
                session(new AdminCredential(AdminKeyId.random(), ACME, new TokenHash("d".repeat(64)), NOW), "e")),
                "a key that is not stored");
    }

    private static AdminCredential credential(String hexDigit) {
        return new AdminCredential(AdminKeyId.random(), ACME, new TokenHash(hexDigit.repeat(64)), NOW);
    }

    private static AdminSession session(AdminCredential credential, String hexDigit) {
        return new AdminSession(new TokenHash(hexDigit.repeat(64)), credential.org(), credential.id(), NOW, NOW.plus(Duration.ofHours(8)));
    }
}
