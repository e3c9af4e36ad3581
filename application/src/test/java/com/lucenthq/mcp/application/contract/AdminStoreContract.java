package com.lucenthq.mcp.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdminStore} must do, run against each implementation by a subclass that supplies a
 * fresh, empty store. As in {@link TokenStoreContract}, timestamps are kept to the microsecond: what a
 * store returns equals what it was given truncated to micros. A session always names a stored key, as the
 * database's foreign key requires.
 */
public abstract class AdminStoreContract {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");
    /** Microsecond precision, so that it round-trips unchanged. */
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final Duration SESSION = Duration.ofHours(8);

    private AdminStore store;
    private int hashesMade;

    /** A store with no keys or sessions in it, new for each test; the subclass closes whatever it needs to afterwards. */
    protected abstract AdminStore emptyStore();

    @BeforeEach
    void setUpStore() {
        store = emptyStore();
    }

    @Test
    void addedCredentialIsFoundByItsHash() {
        AdminCredential credential = credential(ACME, T0);
        store.addCredential(credential);

        assertEquals(Optional.of(credential), store.findCredentialByHash(credential.hash()));
    }

    @Test
    void unknownHashFindsNoCredential() {
        store.addCredential(credential(ACME, T0));

        assertEquals(Optional.empty(), store.findCredentialByHash(new TokenHash("f".repeat(64))));
    }

    @Test
    void eachCredentialIsFoundByItsOwnHash() {
        AdminCredential acmes = credential(ACME, T0);
        AdminCredential acmesSecond = credential(ACME, T0.plusSeconds(1));
        AdminCredential globexs = credential(GLOBEX, T0.plusSeconds(2));
        store.addCredential(acmes);
        store.addCredential(acmesSecond);
        store.addCredential(globexs);

        assertEquals(Optional.of(acmes), store.findCredentialByHash(acmes.hash()));
        assertEquals(Optional.of(acmesSecond), store.findCredentialByHash(acmesSecond.hash()));
        assertEquals(Optional.of(globexs), store.findCredentialByHash(globexs.hash()));
    }

    @Test
    void credentialCreationTimeIsKeptToTheMicrosecond() {
        AdminCredential credential = credential(ACME, Instant.parse("2026-11-24T10:00:00.123456789Z"));
        store.addCredential(credential);

        assertEquals(Instant.parse("2026-11-24T10:00:00.123456Z"),
                store.findCredentialByHash(credential.hash()).orElseThrow().createdAt());
    }

    @Test
    void addedSessionIsFoundByItsHash() {
        AdminSession session = session(storedCredential(ACME), T0);
        store.addSession(session);

        assertEquals(Optional.of(session), store.findSessionByHash(session.hash()));
    }

    @Test
    void unknownHashFindsNoSession() {
        store.addSession(session(storedCredential(ACME), T0));

        assertEquals(Optional.empty(), store.findSessionByHash(new TokenHash("f".repeat(64))));
    }

    @Test
    void sessionsKeepTheirOwnOrgAndKey() {
        AdminCredential acmes = storedCredential(ACME);
        AdminCredential globexs = storedCredential(GLOBEX);
        AdminSession acmeSession = session(acmes, T0);
        AdminSession globexSession = session(globexs, T0);
        store.addSession(acmeSession);
        store.addSession(globexSession);

        AdminSession foundAcme = store.findSessionByHash(acmeSession.hash()).orElseThrow();
        AdminSession foundGlobex = store.findSessionByHash(globexSession.hash()).orElseThrow();
        assertEquals(new AdminPrincipal(ACME, acmes.id()), foundAcme.principal());
        assertEquals(new AdminPrincipal(GLOBEX, globexs.id()), foundGlobex.principal());
    }

    @Test
    void keyHashesAndSessionHashesAreApart() {
        AdminCredential credential = storedCredential(ACME);
        AdminSession session = session(credential, T0);
        store.addSession(session);

        assertEquals(Optional.empty(), store.findSessionByHash(credential.hash()));
        assertEquals(Optional.empty(), store.findCredentialByHash(session.hash()));
    }

    /** Whether a session is still active is the caller's question, asked with its clock; the store just finds it. */
    @Test
    void anExpiredSessionIsStillFoundUntilDeleted() {
        AdminSession longExpired = session(storedCredential(ACME), Instant.parse("2020-01-01T00:00:00Z"));
        store.addSession(longExpired);

        assertEquals(Optional.of(longExpired), store.findSessionByHash(longExpired.hash()));
    }

    @Test
    void deletedSessionIsGoneAndTheOthersStay() {
        AdminCredential credential = storedCredential(ACME);
        AdminSession ended = session(credential, T0);
        AdminSession kept = session(credential, T0);
        store.addSession(ended);
        store.addSession(kept);

        store.deleteSession(ended.hash());

        assertEquals(Optional.empty(), store.findSessionByHash(ended.hash()));
        assertEquals(Optional.of(kept), store.findSessionByHash(kept.hash()));
        assertEquals(Optional.of(credential), store.findCredentialByHash(credential.hash()), "the key outlives its session");
    }

    @Test
    void deletingAnUnknownOrAlreadyDeletedSessionChangesNothing() {
        AdminSession session = session(storedCredential(ACME), T0);
        store.addSession(session);
        store.deleteSession(session.hash());

        store.deleteSession(session.hash());
        store.deleteSession(nextHash());

        assertEquals(Optional.empty(), store.findSessionByHash(session.hash()));
    }

    @Test
    void expiredSessionsAreDeletedLiveOnesKeptAndCounted() {
        AdminCredential acmes = storedCredential(ACME);
        AdminCredential globexs = storedCredential(GLOBEX);
        Instant now = T0.plus(SESSION).plusSeconds(60);
        AdminSession longExpired = session(acmes, T0.minus(Duration.ofDays(3)));
        AdminSession justExpired = session(globexs, T0.plusSeconds(30));
        AdminSession live = session(acmes, T0.plusSeconds(90));
        AdminSession fresh = session(globexs, now);
        for (AdminSession session : new AdminSession[] {longExpired, justExpired, live, fresh}) {
            store.addSession(session);
        }

        assertEquals(2, store.deleteSessionsExpiredBy(now));

        assertEquals(Optional.empty(), store.findSessionByHash(longExpired.hash()));
        assertEquals(Optional.empty(), store.findSessionByHash(justExpired.hash()));
        assertEquals(Optional.of(live), store.findSessionByHash(live.hash()));
        assertEquals(Optional.of(fresh), store.findSessionByHash(fresh.hash()));
        assertEquals(0, store.deleteSessionsExpiredBy(now), "nothing left to delete");
    }

    @Test
    void aSessionExpiringExactlyAtNowIsDeletedOneMicrosecondLaterIsNot() {
        AdminCredential credential = storedCredential(ACME);
        AdminSession atNow = session(credential, T0);
        AdminSession aMicroLater = new AdminSession(nextHash(), ACME, credential.id(), T0, atNow.expiresAt().plusNanos(1_000));
        store.addSession(atNow);
        store.addSession(aMicroLater);

        assertEquals(1, store.deleteSessionsExpiredBy(atNow.expiresAt()));

        assertEquals(Optional.empty(), store.findSessionByHash(atNow.hash()));
        assertEquals(Optional.of(aMicroLater), store.findSessionByHash(aMicroLater.hash()));
    }

    @Test
    void aNowBetweenMicrosecondsComparesAsExactly() {
        AdminCredential credential = storedCredential(ACME);
        Instant expiry = Instant.parse("2026-11-24T18:00:00.000002Z");
        AdminSession session = new AdminSession(nextHash(), ACME, credential.id(), T0, expiry);
        store.addSession(session);

        assertEquals(0, store.deleteSessionsExpiredBy(Instant.parse("2026-11-24T18:00:00.000001999Z")));
        assertEquals(1, store.deleteSessionsExpiredBy(Instant.parse("2026-11-24T18:00:00.000002001Z")));
    }

    @Test
    void noSessionsNoneDeleted() {
        storedCredential(ACME);

        assertEquals(0, store.deleteSessionsExpiredBy(T0));
    }

    @Test
    void sessionTimesAreKeptToTheMicrosecond() {
        AdminCredential credential = storedCredential(ACME);
        AdminSession session = new AdminSession(nextHash(), ACME, credential.id(),
                Instant.parse("2026-11-24T10:00:00.123456789Z"), Instant.parse("2026-11-24T18:00:00.000000999Z"));
        store.addSession(session);

        AdminSession found = store.findSessionByHash(session.hash()).orElseThrow();

        assertEquals(Instant.parse("2026-11-24T10:00:00.123456Z"), found.createdAt());
        assertEquals(Instant.parse("2026-11-24T18:00:00Z"), found.expiresAt());
    }

    @Test
    void timesFarFromTheEpochRoundTrip() {
        AdminCredential credential = credential(ACME, Instant.parse("1970-01-01T00:00:00.000001Z"));
        store.addCredential(credential);
        AdminSession session = new AdminSession(nextHash(), ACME, credential.id(),
                Instant.parse("1970-01-01T00:00:00.000002Z"), Instant.parse("2999-12-31T23:59:59.999999Z"));
        store.addSession(session);

        assertEquals(Optional.of(credential), store.findCredentialByHash(credential.hash()));
        assertEquals(Optional.of(session), store.findSessionByHash(session.hash()));
    }

    private AdminCredential credential(OrgId org, Instant createdAt) {
        return new AdminCredential(AdminKeyId.random(), org, nextHash(), createdAt);
    }

    private AdminCredential storedCredential(OrgId org) {
        AdminCredential credential = credential(org, T0.minus(Duration.ofDays(30)));
        store.addCredential(credential);
        return credential;
    }

    /** A session of {@code credential}'s org and key, started at {@code createdAt}, lasting {@link #SESSION}. */
    private AdminSession session(AdminCredential credential, Instant createdAt) {
        return new AdminSession(nextHash(), credential.org(), credential.id(), createdAt, createdAt.plus(SESSION));
    }

    /** A well-formed digest not used before in this test; stores never see secrets, so none is needed. */
    private TokenHash nextHash() {
        return new TokenHash("%064x".formatted(++hashesMade));
    }
}
