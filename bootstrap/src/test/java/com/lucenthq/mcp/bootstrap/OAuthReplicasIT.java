package com.lucenthq.mcp.bootstrap;

import static com.lucenthq.mcp.bootstrap.OAuthTestClient.REDIRECT_URI;
import static com.lucenthq.mcp.bootstrap.OAuthTestClient.json;
import static com.lucenthq.mcp.bootstrap.OAuthTestClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.domain.org.OrgId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two replicas behind one public URL on one PostgreSQL, each step of the OAuth flow on the other replica than the
 * step before: registrations, codes, sessions, grants and refresh tokens live only in the shared database.
 */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class OAuthReplicasIT {

    private static final String PUBLIC_URL = "https://mcp.example.test";
    private static final String URL = System.getenv("LUCENT_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("LUCENT_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("LUCENT_TEST_POSTGRES_PASSWORD");

    private LucentServer replicaA;
    private LucentServer replicaB;

    @BeforeEach
    void startTwoReplicas() {
        replicaA = replica();
        replicaB = replica();
    }

    @AfterEach
    void stopReplicas() {
        replicaA.close();
        replicaB.close();
    }

    private static LucentServer replica() {
        return LucentServer.start(new ServerSettings("127.0.0.1", 0, Optional.of(URI.create(PUBLIC_URL)),
                () -> TokenDatabase.open(URL, USER, PASSWORD), DataSource.GRPC,
                DataEndpoints.allAt(Optional.empty(), new DataChannelSecurity.Plaintext(), Duration.ofSeconds(5)), 1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES, Set.of(), List.of(),
                RateLimits.DEFAULTS, "127.0.0.1", 0));
    }

    @Test
    void everyStepOfTheFlowWorksOnEitherReplica() {
        OAuthTestClient onA = new OAuthTestClient("http://127.0.0.1:" + replicaA.port(), PUBLIC_URL);
        OAuthTestClient onB = onA.at("http://127.0.0.1:" + replicaB.port());
        String adminKey;
        try (TokenDatabase database = TokenDatabase.open(URL, USER, PASSWORD)) {
            adminKey = new CreateAdminKeyService(database.adminStore(), new SecureRandomSecretGenerator(),
                    new Sha256SecretHasher(), Wiring.SYSTEM_CLOCK).create(OrgId.of("acme")).key().reveal();
        }

        String clientId = onA.register("Replicated client");
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.random();
        Map<String, String> request = onB.authorization(clientId, pkce, REDIRECT_URI);
        HttpResponse<String> authorize = onB.authorize(request);
        assertEquals(303, authorize.statusCode(), authorize.body());
        String cookie = onA.signIn(request, adminKey);
        HttpResponse<String> consent = onB.get(location(authorize), "Cookie", cookie);
        assertTrue(consent.body().contains(">Allow</button>"), consent.body());
        String code = onA.allow(request, cookie, "acme");

        HttpResponse<String> tokens = onB.exchange(clientId, code, pkce.verifier(), REDIRECT_URI);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode issued = json(tokens);
        assertEquals(200, onA.listIssues(issued.path("access_token").asText()).statusCode());

        JsonNode refreshed = json(onA.refresh(clientId, issued.path("refresh_token").asText()));
        String current = refreshed.path("access_token").asText();
        assertEquals(200, onB.listIssues(current).statusCode());

        assertEquals("invalid_grant", json(onB.refresh(clientId, issued.path("refresh_token").asText())).path("error").asText(),
                "the replay is seen by the other replica");
        assertEquals(401, onA.listIssues(current).statusCode(), "and the grant it revoked is refused by both");
        assertEquals(401, onB.listIssues(current).statusCode());
    }
}
