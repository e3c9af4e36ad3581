package com.lucenthq.mcp.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientName;
import com.lucenthq.mcp.domain.oauth.CodeChallenge;
import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import com.lucenthq.mcp.domain.oauth.Registration;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.ClientStore;
import com.lucenthq.mcp.domain.port.GrantStore;
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
 * What the OAuth stores must do, run against each implementation by a subclass that supplies fresh, empty stores
 * on one database: the grant store, the client store and the token store that its access tokens share.
 */
public abstract class GrantStoreContract {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final String RESOURCE = "https://mcp.example.com/api/mcp";

    /** The three stores on one empty database. */
    public record Stores(GrantStore grants, ClientStore clients, TokenStore tokens) {
    }

    private Stores stores;
    private GrantStore grants;

    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        stores = emptyStores();
        grants = stores.grants();
    }

    private static TokenHash randomHash() {
        return new TokenHash((UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
    }

    private static OAuthClient client(String id) {
        return new OAuthClient(ClientId.of(id), ClientName.of("Client " + id), List.of(RedirectUri.of("http://127.0.0.1/cb")),
                Registration.DYNAMIC, T0);
    }

    private Grant approvedGrant(OrgId org, StoredCode[] codeOut) {
        Grant grant = Grant.approved(org, client("dcr_" + UUID.randomUUID()), T0);
        StoredCode code = new StoredCode(randomHash(), grant.id(), grant.clientId(), "http://127.0.0.1:5000/cb",
                CodeChallenge.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), RESOURCE, T0.plusSeconds(60), null);
        grants.addGrant(grant, code);
        if (codeOut != null) {
            codeOut[0] = code;
        }
        return grant;
    }

    private McpToken accessToken(Grant grant, Instant at) {
        return new McpToken(TokenId.random(), grant.org(), TokenName.of("access"), randomHash(), at, null, null,
                at.plus(Duration.ofHours(1)));
    }

    private StoredRefreshToken refreshToken(Grant grant, Instant at) {
        return new StoredRefreshToken(randomHash(), grant.id(), at, at.plus(Duration.ofDays(30)), null);
    }

    @Test
    void aStoredCodeIsFoundAndConsumedExactlyOnce() {
        StoredCode[] code = new StoredCode[1];
        approvedGrant(ACME, code);

        assertEquals(Optional.of(code[0]), grants.findCode(code[0].hash()));
        assertTrue(grants.consumeCode(code[0].hash(), T0.plusSeconds(1)));
        assertFalse(grants.consumeCode(code[0].hash(), T0.plusSeconds(2)), "a code is consumed once only");
        assertEquals(Optional.of(T0.plusSeconds(1)), grants.findCode(code[0].hash()).map(StoredCode::consumedAt));
        assertEquals(Optional.empty(), grants.findCode(randomHash()));
    }

    @Test
    void anAccessTokenIsAnMcpTokenThatNamesItsGrantButIsNotListedAsAToken() {
        Grant grant = approvedGrant(ACME, null);
        McpToken access = accessToken(grant, T0);
        grants.issue(grant.id(), access, refreshToken(grant, T0));

        assertEquals(Optional.of(access), stores.tokens().findByHash(access.hash()), "found by the one lookup of a request");
        assertEquals(Optional.of(grant.id()), grants.grantOfAccessToken(access.hash()));
        assertEquals(List.of(), stores.tokens().list(ACME), "the grant is the row, not its access tokens");
        assertFalse(stores.tokens().revoke(ACME, access.id(), T0), "an access token is revoked through its grant");
    }

    @Test
    void grantsAreListedPerOrgNewestFirstWithTheLastUseOfTheirTokens() {
        Grant first = approvedGrant(ACME, null);
        McpToken access = accessToken(first, T0);
        grants.issue(first.id(), access, refreshToken(first, T0));
        stores.tokens().recordUsage(access.id(), T0.plusSeconds(30));
        approvedGrant(GLOBEX, null);

        List<Grant> listed = grants.list(ACME);
        assertEquals(1, listed.size());
        assertEquals(Optional.of(T0.plusSeconds(30)), listed.getFirst().lastUsed());
        assertEquals(first.clientName(), listed.getFirst().clientName());
        assertEquals(Optional.empty(), grants.find(GLOBEX, first.id()), "another org's grant is not found");
        assertEquals(first.id(), grants.find(first.id()).orElseThrow().id());
    }

    @Test
    void revokingAGrantRevokesAllItsAccessTokensAtOnce() {
        Grant grant = approvedGrant(ACME, null);
        McpToken one = accessToken(grant, T0);
        McpToken two = accessToken(grant, T0.plusSeconds(1));
        grants.issue(grant.id(), one, refreshToken(grant, T0));
        grants.issue(grant.id(), two, refreshToken(grant, T0.plusSeconds(1)));

        assertFalse(grants.revoke(GLOBEX, grant.id(), T0.plusSeconds(5)), "only the grant's own org revokes it");
        assertTrue(grants.revoke(ACME, grant.id(), T0.plusSeconds(5)));
        assertFalse(grants.revoke(ACME, grant.id(), T0.plusSeconds(6)), "already revoked");
        assertTrue(stores.tokens().findByHash(one.hash()).orElseThrow().isRevoked());
        assertTrue(stores.tokens().findByHash(two.hash()).orElseThrow().isRevoked());
        assertEquals(Optional.of(T0.plusSeconds(5)), grants.find(grant.id()).flatMap(Grant::revoked));
    }

    @Test
    void aRefreshTokenIsUsedExactlyOnce() {
        Grant grant = approvedGrant(ACME, null);
        StoredRefreshToken refresh = refreshToken(grant, T0);
        grants.issue(grant.id(), accessToken(grant, T0), refresh);

        assertEquals(Optional.of(refresh), grants.findRefreshToken(refresh.hash()));
        assertTrue(grants.useRefreshToken(refresh.hash(), T0.plusSeconds(1)));
        assertFalse(grants.useRefreshToken(refresh.hash(), T0.plusSeconds(2)));
        assertEquals(Optional.of(T0.plusSeconds(1)), grants.findRefreshToken(refresh.hash()).map(StoredRefreshToken::usedAt));
    }

    @Test
    void expiredCodesAreSwept() {
        StoredCode[] code = new StoredCode[1];
        approvedGrant(ACME, code);

        assertEquals(0, grants.deleteCodesExpiredBefore(code[0].expiresAt()));
        assertEquals(1, grants.deleteCodesExpiredBefore(code[0].expiresAt().plusSeconds(1)));
        assertEquals(Optional.empty(), grants.findCode(code[0].hash()));
    }

    @Test
    void registeredClientsRoundTripAndUnusedOnesExpire() {
        OAuthClient unused = client("dcr_" + UUID.randomUUID());
        OAuthClient used = new OAuthClient(ClientId.of("dcr_" + UUID.randomUUID()), ClientName.of("Used"),
                List.of(RedirectUri.of("http://127.0.0.1/cb"), RedirectUri.of("https://app.example.com/oauth")),
                Registration.DYNAMIC, T0);
        stores.clients().add(unused);
        stores.clients().add(used);
        Grant grant = Grant.approved(ACME, used, T0);
        grants.addGrant(grant, new StoredCode(randomHash(), grant.id(), used.id(),
                "http://127.0.0.1/cb", CodeChallenge.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), RESOURCE,
                T0.plusSeconds(60), null));

        assertEquals(Optional.of(used), stores.clients().find(used.id()));
        assertEquals(1, stores.clients().deleteUnusedCreatedBefore(T0.plusSeconds(1)));
        assertEquals(Optional.empty(), stores.clients().find(unused.id()));
        assertEquals(Optional.of(used), stores.clients().find(used.id()), "a client with a grant is kept");
    }
}
