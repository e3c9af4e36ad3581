package com.lucenthq.mcp.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.fake.InMemoryGrantStore;
import com.lucenthq.mcp.application.fake.InMemoryTokenStore;
import com.lucenthq.mcp.application.fake.JdkSha256Hasher;
import com.lucenthq.mcp.application.fake.SequentialSecretGenerator;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.IssuedToken;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Create, authenticate, list and revoke, together, against the in-memory store. */
class TokenUseCasesTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    private final Clock clock = now::get;
    private final SecretGenerator generator = new SequentialSecretGenerator();
    private final SecretHasher hasher = new JdkSha256Hasher();

    private final CreateTokenService create = new CreateTokenService(store, generator, hasher, clock);
    private final AuthenticateTokenService authenticate =
            new AuthenticateTokenService(store, hasher, clock, Duration.ofMinutes(1));
    private final RevokeTokenService revoke = new RevokeTokenService(store, new InMemoryGrantStore(), clock);
    private final ListTokensService list = new ListTokensService(store, new InMemoryGrantStore());

    @Test
    void createdTokenIsStoredOnlyAsItsDigestAndAuthenticatesToItsOrg() {
        IssuedToken issued = create.create(ACME, TokenName.of("my laptop"));

        McpToken stored = store.list(ACME).getFirst();
        assertEquals(hasher.hash(issued.plaintext()), stored.hash());
        assertFalse(stored.toString().contains(issued.plaintext().reveal()));
        AuthenticationResult result = authenticate.authenticate(issued.plaintext().reveal());
        assertEquals(new AuthenticationResult.Authenticated(new Principal(ACME, stored.id())), result);
    }

    @Test
    void presentedTokensAreComparedExactly() {
        String token = create.create(ACME, TokenName.of("exact")).plaintext().reveal();

        assertInstanceOf(AuthenticationResult.Missing.class, authenticate.authenticate(null));
        assertInstanceOf(AuthenticationResult.Missing.class, authenticate.authenticate(""));
        for (String variant : List.of(token + " ", " " + token, token + "\n", token.substring(8),
                token.toUpperCase(), "LUC_MCP_" + token.substring(8), token.substring(0, 39))) {
            assertInstanceOf(AuthenticationResult.Malformed.class, authenticate.authenticate(variant), variant);
        }
        String sameFormOtherSecret = token.substring(0, 39) + (token.endsWith("A") ? "B" : "A");
        assertInstanceOf(AuthenticationResult.Unknown.class, authenticate.authenticate(sameFormOtherSecret));
    }

    @Test
    void aTokenWithAnExpiryAuthenticatesUntilThenAndIsExpiredFromThenOn() {
        PlaintextToken plaintext = generator.generate();
        Instant expiry = now.get().plusSeconds(60);
        store.add(new McpToken(TokenId.random(), ACME, TokenName.of("oauth client"), hasher.hash(plaintext), now.get(),
                null, null, expiry));

        assertInstanceOf(AuthenticationResult.Authenticated.class, authenticate.authenticate(plaintext.reveal()));
        now.set(expiry);
        assertInstanceOf(AuthenticationResult.Expired.class, authenticate.authenticate(plaintext.reveal()));
    }

    @Test
    void revocationTakesEffectOnTheNextAuthentication() {
        IssuedToken issued = create.create(ACME, TokenName.of("cursor-prod"));
        String token = issued.plaintext().reveal();
        assertInstanceOf(AuthenticationResult.Authenticated.class, authenticate.authenticate(token));

        assertEquals(new RevocationResult.Revoked(now.get()), revoke.revoke(ACME, issued.token().id()));

        assertInstanceOf(AuthenticationResult.Revoked.class, authenticate.authenticate(token));
        assertEquals(new RevocationResult.AlreadyRevoked(now.get()), revoke.revoke(ACME, issued.token().id()));
    }

    @Test
    void anotherOrgCannotRevokeOrSeeAToken() {
        IssuedToken issued = create.create(ACME, TokenName.of("acme only"));

        assertInstanceOf(RevocationResult.NotFound.class, revoke.revoke(GLOBEX, issued.token().id()));
        assertTrue(list.list(GLOBEX).isEmpty());
        assertInstanceOf(AuthenticationResult.Authenticated.class, authenticate.authenticate(issued.plaintext().reveal()));
        assertInstanceOf(RevocationResult.NotFound.class, revoke.revoke(ACME, TokenId.random()));
    }

    @Test
    void lastUsedIsRecordedAtOnceThenAtMostOncePerInterval() {
        IssuedToken issued = create.create(ACME, TokenName.of("busy agent"));
        String token = issued.plaintext().reveal();
        Instant first = now.get();

        authenticate.authenticate(token);
        assertEquals(first, lastUsed(issued));

        now.set(first.plusSeconds(59));
        authenticate.authenticate(token);
        assertEquals(first, lastUsed(issued), "within the interval: no write");

        now.set(first.plusSeconds(60));
        authenticate.authenticate(token);
        assertEquals(first.plusSeconds(60), lastUsed(issued));
    }

    @Test
    void listShowsNoSecretNorHashNewestFirst() {
        IssuedToken older = create.create(ACME, TokenName.of("older"));
        now.set(now.get().plusSeconds(5));
        IssuedToken newer = create.create(ACME, TokenName.of("newer"));

        List<TokenSummary> tokens = list.list(ACME);

        assertEquals(List.of(newer.token().id(), older.token().id()), tokens.stream().map(TokenSummary::id).toList());
        for (TokenSummary summary : tokens) {
            assertFalse(summary.toString().contains(PlaintextToken.PREFIX));
            assertFalse(summary.toString().contains(older.token().hash().hex()));
            assertFalse(summary.toString().contains(newer.token().hash().hex()));
        }
    }

    @Test
    void anUnreachableStoreIsReportedAsSuchNotAsAnUnknownToken() {
        String token = create.create(ACME, TokenName.of("x")).plaintext().reveal();
        store.setAvailable(false);

        assertThrows(TokenStoreUnavailableException.class, () -> authenticate.authenticate(token));
    }

    @Test
    void plaintextsDiffer() {
        assertNotEquals(create.create(ACME, TokenName.of("a")).plaintext(), create.create(ACME, TokenName.of("b")).plaintext());
    }

    private Instant lastUsed(IssuedToken issued) {
        return store.find(ACME, issued.token().id()).orElseThrow().lastUsedAt();
    }
}
