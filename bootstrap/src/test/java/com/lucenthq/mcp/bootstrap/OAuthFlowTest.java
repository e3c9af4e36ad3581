package com.lucenthq.mcp.bootstrap;

import static com.lucenthq.mcp.bootstrap.OAuthTestClient.REDIRECT_URI;
import static com.lucenthq.mcp.bootstrap.OAuthTestClient.json;
import static com.lucenthq.mcp.bootstrap.OAuthTestClient.location;
import static com.lucenthq.mcp.bootstrap.OAuthTestClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.application.token.ListTokensService;
import com.lucenthq.mcp.application.token.RevokeTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth flow against the full server in process (H2 in a temporary directory, real HTTP): discovery,
 * registration both ways, consent, the code exchange, refresh, revocation, and each attack of issue 13, refused
 * with the RFC's error and with nothing issued.
 */
class OAuthFlowTest {

    @TempDir
    Path dataDir;

    private LucentServer server;
    private HttpServer metadataHost;
    private OAuthTestClient client;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (metadataHost != null) {
            metadataHost.stop(0);
        }
    }

    private void start(OAuthOptions options, List<URI> authorizationServers) {
        server = LucentServer.start(new ServerSettings("127.0.0.1", 0, Optional.empty(), () -> TokenDatabase.h2File(dataDir),
                DataSource.GRPC, DataEndpoints.allAt(Optional.empty(), new DataChannelSecurity.Plaintext(), Duration.ofSeconds(5)),
                1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES, Set.of(), authorizationServers, RateLimits.DEFAULTS, "127.0.0.1", 0,
                ServerSettings.DEFAULT_REQUEST_READ_TIMEOUT, ServerSettings.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, options));
        client = new OAuthTestClient("http://127.0.0.1:" + server.port());
    }

    private void start() {
        start(OAuthOptions.DEFAULTS, List.of());
    }

    private String adminKey(String org) {
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            return new CreateAdminKeyService(database.adminStore(), new SecureRandomSecretGenerator(), new Sha256SecretHasher(),
                    Wiring.SYSTEM_CLOCK).create(OrgId.of(org)).key().reveal();
        }
    }

    private List<TokenSummary> tokenList(String org) {
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            return new ListTokensService(database.tokenStore(), database.grantStore()).list(OrgId.of(org));
        }
    }

    /** Up to the code: register, authorize, sign in as an acme admin, Allow. */
    private record Approved(String clientId, OAuthTestClient.Pkce pkce, Map<String, String> request, String code) {
    }

    private Approved approved(String adminKey) {
        String clientId = client.register("Test client");
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.random();
        Map<String, String> request = client.authorization(clientId, pkce, REDIRECT_URI);
        String cookie = client.signIn(request, adminKey);
        return new Approved(clientId, pkce, request, client.allow(request, cookie, "acme"));
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, json(response).path("error").asText(), response.body());
        assertFalse(response.body().contains("access_token"), response.body());
    }

    @Test
    void discoveryNamesEveryEndpointAndTheSameScopeAsTheResource() {
        start();
        JsonNode metadata = json(client.get("/.well-known/oauth-authorization-server"));
        assertEquals(metadata, json(client.get("/.well-known/openid-configuration")));
        assertEquals(client.base, metadata.path("issuer").asText());
        assertEquals(client.base + "/oauth/authorize", metadata.path("authorization_endpoint").asText());
        assertEquals(client.base + "/oauth/token", metadata.path("token_endpoint").asText());
        assertEquals(client.base + "/oauth/register", metadata.path("registration_endpoint").asText());
        assertEquals(client.base + "/oauth/revoke", metadata.path("revocation_endpoint").asText());
        assertEquals("[\"code\"]", metadata.path("response_types_supported").toString());
        assertEquals("[\"authorization_code\",\"refresh_token\"]", metadata.path("grant_types_supported").toString());
        assertEquals("[\"S256\"]", metadata.path("code_challenge_methods_supported").toString());
        assertEquals("[\"none\"]", metadata.path("token_endpoint_auth_methods_supported").toString());
        assertTrue(metadata.path("client_id_metadata_document_supported").asBoolean());
        assertTrue(metadata.path("authorization_response_iss_parameter_supported").asBoolean());
        assertEquals("[\"mcp:read\"]", metadata.path("scopes_supported").toString());

        JsonNode resource = json(client.get("/.well-known/oauth-protected-resource"));
        assertEquals("[\"mcp:read\"]", resource.path("scopes_supported").toString());
        assertEquals("[\"" + client.base + "\"]", resource.path("authorization_servers").toString());
        HttpResponse<String> unauthorized = client.listIssues("luc_mcp_" + "A".repeat(32));
        assertEquals(401, unauthorized.statusCode());
        assertTrue(unauthorized.headers().firstValue("WWW-Authenticate").orElseThrow().contains("scope=\"mcp:read\""));
    }

    @Test
    void aRegisteredClientIsApprovedOnceAndReadsUntilItsGrantIsRevoked() {
        start();
        String adminKey = adminKey("acme");
        String clientId = client.register("Claude <test>");
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.random();
        Map<String, String> request = client.authorization(clientId, pkce, REDIRECT_URI);

        HttpResponse<String> authorize = client.authorize(request);
        assertEquals(303, authorize.statusCode(), authorize.body());
        HttpResponse<String> signInPage = client.get(location(authorize));
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.body().contains("<label for=\"admin-key\">Admin key</label>"), signInPage.body());
        String csp = signInPage.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", signInPage.headers().firstValue("X-Frame-Options").orElseThrow());

        String cookie = client.signIn(request, adminKey);
        HttpResponse<String> consent = client.get(location(authorize), "Cookie", cookie);
        assertEquals(200, consent.statusCode());
        assertTrue(consent.body().contains("Claude &lt;test&gt;"), "the client name, escaped: " + consent.body());
        assertTrue(consent.body().contains("read-only access to issues, signals and insights"));
        assertTrue(consent.body().contains("not verified"), "an unverified DCR client says so");
        assertTrue(consent.body().contains(">acme<") && consent.body().contains(">127.0.0.1<"));
        assertTrue(consent.body().contains(">Allow</button>") && consent.body().contains(">Deny</button>"));

        String code = client.allow(request, cookie, "acme");
        HttpResponse<String> tokens = client.exchange(clientId, code, pkce.verifier(), REDIRECT_URI);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode issued = json(tokens);
        assertEquals("Bearer", issued.path("token_type").asText());
        assertEquals(3600, issued.path("expires_in").asInt());
        assertEquals("mcp:read", issued.path("scope").asText());
        String accessToken = issued.path("access_token").asText();
        assertTrue(accessToken.matches("luc_mcp_[A-Za-z0-9_-]{32}"), "an access token is a luc_mcp_ token");
        assertEquals(200, client.listIssues(accessToken).statusCode());

        JsonNode refreshed = json(client.refresh(clientId, issued.path("refresh_token").asText()));
        String newAccessToken = refreshed.path("access_token").asText();
        assertTrue(newAccessToken.startsWith("luc_mcp_"), refreshed.toString());
        assertFalse(refreshed.path("refresh_token").asText().equals(issued.path("refresh_token").asText()), "rotated");
        assertEquals(200, client.listIssues(newAccessToken).statusCode());

        List<TokenSummary> rows = tokenList("acme");
        assertEquals(1, rows.size(), "one row for the grant, none for its access tokens: " + rows);
        assertEquals(TokenSummary.Kind.OAUTH, rows.getFirst().kind());
        assertEquals("Claude <test>", rows.getFirst().name().value());
        assertTrue(rows.getFirst().lastUsedAt().isPresent());

        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            RevocationResult revoked = new RevokeTokenService(database.tokenStore(), database.grantStore(),
                    Wiring.SYSTEM_CLOCK).revoke(OrgId.of("acme"), rows.getFirst().id());
            assertTrue(revoked instanceof RevocationResult.Revoked, revoked.toString());
        }
        assertEquals(401, client.listIssues(newAccessToken).statusCode(), "revoked on the very next request");
        assertEquals(401, client.listIssues(accessToken).statusCode());
        assertOAuthError(client.refresh(clientId, refreshed.path("refresh_token").asText()), 400, "invalid_grant");
    }

    @Test
    void aWrongPkceVerifierIsInvalidGrantAndBurnsTheCode() {
        start();
        Approved approved = approved(adminKey("acme"));
        assertOAuthError(client.exchange(approved.clientId(), approved.code(), OAuthTestClient.Pkce.random().verifier(),
                REDIRECT_URI), 400, "invalid_grant");
        assertOAuthError(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI),
                400, "invalid_grant");
    }

    @Test
    void aCodeUsedTwiceIsInvalidGrantAndRevokesWhatTheFirstUseIssued() {
        start();
        Approved approved = approved(adminKey("acme"));
        HttpResponse<String> first = client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI);
        assertEquals(200, first.statusCode(), first.body());
        assertOAuthError(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI),
                400, "invalid_grant");
        assertEquals(401, client.listIssues(json(first).path("access_token").asText()).statusCode());
    }

    @Test
    void aCodePresentedByAnotherClientIsInvalidGrant() {
        start();
        Approved approved = approved(adminKey("acme"));
        String otherClient = client.register("Other client");
        assertOAuthError(client.exchange(otherClient, approved.code(), approved.pkce().verifier(), REDIRECT_URI),
                400, "invalid_grant");
    }

    @Test
    void aDifferentRedirectUriAtTheTokenEndpointIsInvalidGrant() {
        start();
        Approved approved = approved(adminKey("acme"));
        assertOAuthError(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(),
                "http://127.0.0.1:43999/elsewhere"), 400, "invalid_grant");
    }

    @Test
    void anUnregisteredRedirectUriIsShownAnErrorAndNeverRedirectedTo() {
        start();
        String clientId = client.register("Test client");
        HttpResponse<String> response = client.authorize(client.authorization(clientId, OAuthTestClient.Pkce.random(),
                "https://attacker.example/callback"));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.body().contains("redirect_uri"), response.body());
    }

    @Test
    void aLoopbackRedirectUriMayUseAnyPortButNotAnotherPath() {
        start();
        String clientId = client.register("Native client");
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.random();
        assertEquals(303, client.authorize(client.authorization(clientId, pkce, "http://127.0.0.1:51234/callback")).statusCode());
        assertEquals(400, client.authorize(client.authorization(clientId, pkce, "http://127.0.0.1:51234/other")).statusCode());
    }

    @Test
    void anotherServersResourceIsInvalidTarget() {
        start();
        String clientId = client.register("Test client");
        Map<String, String> request = new LinkedHashMap<>(client.authorization(clientId, OAuthTestClient.Pkce.random(), REDIRECT_URI));
        request.put("resource", "https://other.example/mcp");
        HttpResponse<String> response = client.authorize(request);
        assertEquals(303, response.statusCode());
        Map<String, String> callback = query(location(response));
        assertTrue(location(response).startsWith(REDIRECT_URI + "?"), location(response));
        assertEquals("invalid_target", callback.get("error"));
        assertEquals(request.get("state"), callback.get("state"));
        assertEquals(client.base, callback.get("iss"));
        assertFalse(callback.containsKey("code"));
    }

    @Test
    void plainPkceOrNoPkceIsRefused() {
        start();
        String clientId = client.register("Test client");
        Map<String, String> request = new LinkedHashMap<>(client.authorization(clientId, OAuthTestClient.Pkce.random(), REDIRECT_URI));
        request.put("code_challenge_method", "plain");
        assertEquals("invalid_request", query(location(client.authorize(request))).get("error"));
        request.remove("code_challenge_method");
        request.remove("code_challenge");
        assertEquals("invalid_request", query(location(client.authorize(request))).get("error"));
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeGrant() {
        start();
        Approved approved = approved(adminKey("acme"));
        JsonNode issued = json(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI));
        String oldRefresh = issued.path("refresh_token").asText();
        JsonNode rotated = json(client.refresh(approved.clientId(), oldRefresh));
        String currentAccess = rotated.path("access_token").asText();
        assertEquals(200, client.listIssues(currentAccess).statusCode());

        assertOAuthError(client.refresh(approved.clientId(), oldRefresh), 400, "invalid_grant");
        assertEquals(401, client.listIssues(currentAccess).statusCode(), "the grant's newest token is revoked too");
        assertOAuthError(client.refresh(approved.clientId(), rotated.path("refresh_token").asText()), 400, "invalid_grant");
        assertTrue(tokenList("acme").getFirst().isRevoked());
    }

    @Test
    void consentWithoutASessionOrFromAnotherOriginIssuesNothing() {
        start();
        String adminKey = adminKey("acme");
        String clientId = client.register("Test client");
        Map<String, String> request = client.authorization(clientId, OAuthTestClient.Pkce.random(), REDIRECT_URI);
        String cookie = client.signIn(request, adminKey);

        HttpResponse<String> noSession = client.decide(request, null, "acme", "allow", client.base);
        assertEquals(401, noSession.statusCode());
        assertTrue(noSession.headers().firstValue("Location").isEmpty());
        HttpResponse<String> crossSite = client.decide(request, cookie, "acme", "allow", "https://evil.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.headers().firstValue("Location").isEmpty());
        HttpResponse<String> signInCrossSite = client.postForm("/admin/oauth/consent/sign-in",
                Map.of("admin_key", adminKey), "Origin", "https://evil.example");
        assertEquals(403, signInCrossSite.statusCode());
        assertTrue(signInCrossSite.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(tokenList("acme").isEmpty(), "no grant was made");
    }

    @Test
    void aGlobexAdminCannotApproveARequestShownForAcme() {
        start();
        String clientId = client.register("Test client");
        Map<String, String> request = client.authorization(clientId, OAuthTestClient.Pkce.random(), REDIRECT_URI);
        String globexCookie = client.signIn(request, adminKey("globex"));

        HttpResponse<String> response = client.decide(request, globexCookie, "acme", "allow", client.base);
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(tokenList("acme").isEmpty());
        assertTrue(tokenList("globex").isEmpty());
    }

    @Test
    void denyRedirectsWithAccessDeniedAndIssuesNothing() {
        start();
        String clientId = client.register("Test client");
        Map<String, String> request = client.authorization(clientId, OAuthTestClient.Pkce.random(), REDIRECT_URI);
        String cookie = client.signIn(request, adminKey("acme"));
        HttpResponse<String> response = client.decide(request, cookie, "acme", "deny", client.base);
        assertEquals(303, response.statusCode());
        Map<String, String> callback = query(location(response));
        assertEquals("access_denied", callback.get("error"));
        assertEquals(request.get("state"), callback.get("state"));
        assertEquals(client.base, callback.get("iss"));
        assertFalse(callback.containsKey("code"));
        assertTrue(tokenList("acme").isEmpty());
    }

    @Test
    void anExpiredAccessTokenIs401InvalidTokenAndRefreshingGetsANewOne() throws InterruptedException {
        start(new OAuthOptions(Duration.ofSeconds(1), Set.of()), List.of());
        Approved approved = approved(adminKey("acme"));
        JsonNode issued = json(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI));
        assertEquals(1, issued.path("expires_in").asInt());
        Thread.sleep(1_200);
        HttpResponse<String> expired = client.listIssues(issued.path("access_token").asText());
        assertEquals(401, expired.statusCode(), "expired is 401, never 403");
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        JsonNode refreshed = json(client.refresh(approved.clientId(), issued.path("refresh_token").asText()));
        assertEquals(200, client.listIssues(refreshed.path("access_token").asText()).statusCode());
    }

    @Test
    void aClientMetadataDocumentOnAPrivateAddressIsNotFetched() {
        start();
        for (String url : List.of("https://10.1.2.3/client.json", "https://127.0.0.1:9/client.json",
                "https://169.254.169.254/latest/meta-data", "http://example.com/client.json")) {
            HttpResponse<String> response = client.authorize(client.authorization(url, OAuthTestClient.Pkce.random(), REDIRECT_URI));
            assertEquals(400, response.statusCode(), url);
            assertTrue(response.headers().firstValue("Location").isEmpty(), url);
        }
    }

    @Test
    void aClientMetadataDocumentOnAnAllowedHostIdentifiesTheClient() throws IOException {
        metadataHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String documentUrl = "http://127.0.0.1:" + metadataHost.getAddress().getPort() + "/client.json";
        byte[] document = ("{\"client_id\":\"" + documentUrl + "\",\"client_name\":\"Metadata client\","
                + "\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\"}")
                .getBytes(StandardCharsets.UTF_8);
        metadataHost.createContext("/client.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        metadataHost.start();
        start(new OAuthOptions(Duration.ofHours(1), Set.of("127.0.0.1:" + metadataHost.getAddress().getPort())), List.of());

        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.random();
        Map<String, String> request = client.authorization(documentUrl, pkce, REDIRECT_URI);
        String cookie = client.signIn(request, adminKey("acme"));
        HttpResponse<String> consent = client.get("/admin/oauth/consent?" + OAuthTestClient.encode(request), "Cookie", cookie);
        assertTrue(consent.body().contains("Metadata client") && consent.body().contains("client metadata document"),
                consent.body());
        String code = client.allow(request, cookie, "acme");
        HttpResponse<String> tokens = client.exchange(documentUrl, code, pkce.verifier(), REDIRECT_URI);
        assertEquals(200, client.listIssues(json(tokens).path("access_token").asText()).statusCode());
        assertEquals(400, client.authorize(client.authorization(documentUrl, pkce, "http://127.0.0.1:43999/not-listed"))
                .statusCode(), "redirect_uris are checked against the document");
    }

    @Test
    void theRevocationEndpointEndsTheGrantOfAnAccessOrRefreshToken() {
        start();
        Approved approved = approved(adminKey("acme"));
        JsonNode issued = json(client.exchange(approved.clientId(), approved.code(), approved.pkce().verifier(), REDIRECT_URI));
        String accessToken = issued.path("access_token").asText();
        assertEquals(200, client.postForm("/oauth/revoke", Map.of("token", "luc_rt_unknown")).statusCode(),
                "RFC 7009: unknown tokens get the same answer");
        assertEquals(200, client.listIssues(accessToken).statusCode());

        assertEquals(200, client.postForm("/oauth/revoke", Map.of("token", issued.path("refresh_token").asText(),
                "token_type_hint", "refresh_token", "client_id", approved.clientId())).statusCode());
        assertEquals(401, client.listIssues(accessToken).statusCode());
    }

    @Test
    void malformedTokenRequestsGetTheirRfcErrors() {
        start();
        assertOAuthError(client.postForm("/oauth/token", Map.of("grant_type", "client_credentials")), 400,
                "unsupported_grant_type");
        assertOAuthError(client.postForm("/oauth/token", Map.of("grant_type", "authorization_code")), 400, "invalid_request");
        HttpResponse<String> repeated = client.send("/oauth/token", "grant_type=refresh_token&grant_type=refresh_token");
        assertOAuthError(repeated, 400, "invalid_request");
        assertOAuthError(client.postJson("/oauth/token", "{\"grant_type\":\"refresh_token\"}"), 400, "invalid_request");
        assertOAuthError(client.postForm("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token",
                "luc_rt_" + "A".repeat(43), "client_id", "dcr_x")), 400, "invalid_grant");
        assertOAuthError(client.postJson("/oauth/register", "{\"redirect_uris\":[\"http://attacker.example/cb\"]}"), 400,
                "invalid_redirect_uri");
    }

    @Test
    void registrationIsRateLimitedPerAddress() {
        start();
        for (int i = 0; i < 20; i++) {
            client.register("Client " + i);
        }
        HttpResponse<String> refused = client.postJson("/oauth/register", "{\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void withAnExternalAuthorizationServerNoneOfOurEndpointsIsServed() {
        start(OAuthOptions.DEFAULTS, List.of(URI.create("https://auth.example.com")));
        assertEquals(404, client.get("/.well-known/oauth-authorization-server").statusCode());
        assertEquals(404, client.get("/oauth/authorize?client_id=x").statusCode());
        assertEquals(404, client.postForm("/oauth/token", Map.of("grant_type", "refresh_token")).statusCode());
        assertEquals("[\"https://auth.example.com\"]",
                json(client.get("/.well-known/oauth-protected-resource")).path("authorization_servers").toString());
    }
}
