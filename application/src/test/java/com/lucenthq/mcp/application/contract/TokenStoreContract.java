package com.lucenthq.mcp.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} must do, run against each implementation by a subclass that supplies a
 * fresh, empty store. Timestamps are kept to the microsecond, the precision of PostgreSQL's and H2's
 * {@code TIMESTAMP WITH TIME ZONE}: a store truncates finer instants on write, so what it returns equals
 * what it was given truncated to micros.
 */
public abstract class TokenStoreContract {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");
    /** Microsecond precision, so that it round-trips unchanged. */
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    private TokenStore store;
    private int tokensMade;

    /** A store with no tokens in it, new for each test; the subclass closes whatever it needs to afterwards. */
    protected abstract TokenStore emptyStore();

    @BeforeEach
    void setUpStore() {
        store = emptyStore();
    }

    @Test
    void addedTokenIsFoundByItsHash() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);

        assertEquals(Optional.of(token), store.findByHash(token.hash()));
    }

    @Test
    void unknownHashFindsNothing() {
        store.add(token(ACME, "my laptop", T0));

        assertEquals(Optional.empty(), store.findByHash(new TokenHash("f".repeat(64))));
    }

    @Test
    void tokenIsFoundByItsOrgAndId() {
        McpToken token = token(ACME, "cursor-prod", T0);
        store.add(token);

        assertEquals(Optional.of(token), store.find(ACME, token.id()));
    }

    @Test
    void anotherOrgDoesNotFindTheToken() {
        McpToken token = token(ACME, "cursor-prod", T0);
        store.add(token);

        assertEquals(Optional.empty(), store.find(GLOBEX, token.id()));
    }

    @Test
    void unknownIdFindsNothing() {
        store.add(token(ACME, "cursor-prod", T0));

        assertEquals(Optional.empty(), store.find(ACME, TokenId.random()));
    }

    @Test
    void listHasTheOrgsTokensNewestFirst() {
        McpToken oldest = token(ACME, "oldest", T0);
        McpToken newest = token(ACME, "newest", T0.plus(Duration.ofDays(2)));
        McpToken middle = token(ACME, "middle", T0.plus(Duration.ofDays(1)));
        store.add(oldest);
        store.add(newest);
        store.add(middle);

        assertEquals(List.of(newest, middle, oldest), store.list(ACME));
    }

    @Test
    void listHasOnlyTheOrgsTokens() {
        McpToken acmes = token(ACME, "acme laptop", T0);
        McpToken globexs = token(GLOBEX, "globex laptop", T0.plusSeconds(1));
        store.add(acmes);
        store.add(globexs);

        assertEquals(List.of(acmes), store.list(ACME));
        assertEquals(List.of(globexs), store.list(GLOBEX));
        assertEquals(List.of(), store.list(OrgId.of("initech")));
    }

    @Test
    void listIncludesRevokedTokens() {
        McpToken token = token(ACME, "old laptop", T0);
        store.add(token);
        store.revoke(ACME, token.id(), T0.plusSeconds(60));

        assertEquals(List.of(token.revokedAt(T0.plusSeconds(60))), store.list(ACME));
    }

    @Test
    void revokedTokenIsStillFoundByHashButIsRevoked() {
        McpToken token = token(ACME, "old laptop", T0);
        store.add(token);
        Instant at = T0.plusSeconds(60);

        assertTrue(store.revoke(ACME, token.id(), at));

        McpToken found = store.findByHash(token.hash()).orElseThrow();
        assertTrue(found.isRevoked());
        assertEquals(Optional.of(at), found.revoked());
        assertEquals(Optional.of(token.revokedAt(at)), store.find(ACME, token.id()));
    }

    @Test
    void anotherOrgCannotRevokeTheToken() {
        McpToken token = token(ACME, "old laptop", T0);
        store.add(token);

        assertFalse(store.revoke(GLOBEX, token.id(), T0.plusSeconds(60)));
        assertFalse(store.findByHash(token.hash()).orElseThrow().isRevoked());
    }

    @Test
    void secondRevokeReturnsFalseAndKeepsTheFirstTime() {
        McpToken token = token(ACME, "old laptop", T0);
        store.add(token);
        Instant first = T0.plusSeconds(60);
        store.revoke(ACME, token.id(), first);

        assertFalse(store.revoke(ACME, token.id(), first.plusSeconds(60)));
        assertEquals(Optional.of(first), store.findByHash(token.hash()).orElseThrow().revoked());
    }

    @Test
    void revokingAnUnknownTokenReturnsFalse() {
        assertFalse(store.revoke(ACME, TokenId.random(), T0));
    }

    @Test
    void revokeLeavesTheOrgsOtherTokensAlone() {
        McpToken revoked = token(ACME, "old laptop", T0);
        McpToken kept = token(ACME, "new laptop", T0.plusSeconds(1));
        store.add(revoked);
        store.add(kept);

        store.revoke(ACME, revoked.id(), T0.plusSeconds(60));

        assertEquals(Optional.of(kept), store.findByHash(kept.hash()));
    }

    @Test
    void usageIsRecordedOnTheToken() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);
        Instant at = T0.plusSeconds(5);

        store.recordUsage(token.id(), at);

        assertEquals(Optional.of(token.usedAt(at)), store.findByHash(token.hash()));
    }

    @Test
    void laterUsageReplacesEarlierUsage() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);

        store.recordUsage(token.id(), T0.plusSeconds(5));
        store.recordUsage(token.id(), T0.plusSeconds(9));

        assertEquals(Optional.of(T0.plusSeconds(9)), store.findByHash(token.hash()).orElseThrow().lastUsed());
    }

    @Test
    void earlierUsageNeverMovesLastUsedBackwards() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);

        store.recordUsage(token.id(), T0.plusSeconds(9));
        store.recordUsage(token.id(), T0.plusSeconds(5));

        assertEquals(Optional.of(T0.plusSeconds(9)), store.findByHash(token.hash()).orElseThrow().lastUsed());
    }

    @Test
    void usageOfOneTokenLeavesTheOthersAlone() {
        McpToken used = token(ACME, "used", T0);
        McpToken idle = token(ACME, "idle", T0.plusSeconds(1));
        store.add(used);
        store.add(idle);

        store.recordUsage(used.id(), T0.plusSeconds(5));

        assertEquals(Optional.empty(), store.findByHash(idle.hash()).orElseThrow().lastUsed());
    }

    @Test
    void usageOfAnUnknownTokenChangesNothing() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);

        store.recordUsage(TokenId.random(), T0.plusSeconds(5));

        assertEquals(List.of(token), store.list(ACME));
    }

    @Test
    void everyFieldRoundTrips() {
        McpToken token = new McpToken(TokenId.random(), ACME, TokenName.of("Çà et là 🚀 — claude desktop"), nextHash(),
                T0, T0.plusSeconds(30), T0.plusSeconds(90));
        store.add(token);

        assertEquals(Optional.of(token), store.findByHash(token.hash()));
    }

    @Test
    void nameOfTheMaximumLengthInCharactersOutsideTheBasicPlaneRoundTrips() {
        McpToken token = token(ACME, "🚀".repeat(TokenName.MAX_LENGTH), T0);
        store.add(token);

        assertEquals(token.name(), store.findByHash(token.hash()).orElseThrow().name());
    }

    @Test
    void timestampsAreKeptToTheMicrosecond() {
        Instant created = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Instant revoked = Instant.parse("2026-03-01T11:00:00.000000999Z");
        Instant used = Instant.parse("2026-03-01T10:30:00.654321500Z");
        McpToken token = token(ACME, "precise", created);
        store.add(token);
        store.recordUsage(token.id(), used);
        store.revoke(ACME, token.id(), revoked);

        McpToken found = store.findByHash(token.hash()).orElseThrow();

        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), found.createdAt());
        assertEquals(Instant.parse("2026-03-01T10:30:00.654321Z"), found.lastUsedAt());
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"), found.revokedAt());
    }

    @Test
    void usageWithinTheSameMicrosecondCountsAsTheSameTime() {
        McpToken token = token(ACME, "my laptop", T0);
        store.add(token);
        store.recordUsage(token.id(), Instant.parse("2026-03-01T10:30:00.000001900Z"));

        store.recordUsage(token.id(), Instant.parse("2026-03-01T10:30:00.000001100Z"));

        assertEquals(Optional.of(Instant.parse("2026-03-01T10:30:00.000001Z")),
                store.findByHash(token.hash()).orElseThrow().lastUsed());
    }

    @Test
    void timestampsFarFromTheEpochRoundTrip() {
        McpToken past = token(ACME, "past", Instant.parse("1970-01-01T00:00:00.000001Z"));
        McpToken future = token(ACME, "future", Instant.parse("2999-12-31T23:59:59.999999Z"));
        store.add(past);
        store.add(future);

        assertEquals(List.of(future, past), store.list(ACME));
    }

    private McpToken token(OrgId org, String name, Instant createdAt) {
        return McpToken.issued(TokenId.random(), org, TokenName.of(name), nextHash(), createdAt);
    }

    /** A well-formed digest not used before in this test; stores never see plaintexts, so none is needed. */
    private TokenHash nextHash() {
        return new TokenHash("%064x".formatted(++tokensMade));
    }
}
