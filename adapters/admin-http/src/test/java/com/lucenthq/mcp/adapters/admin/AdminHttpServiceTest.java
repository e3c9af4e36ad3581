package com.lucenthq.mcp.adapters.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.admin.AdminServer.Reply;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API on a real Helidon server, driven by a real HTTP client that carries the session cookie itself. */
class AdminHttpServiceTest {

    private static final String BASE_URL = "https://admin.example.com";

    private AdminServer server;
    private String acmeKey;
    private String globexKey;
    private final List<String> logLines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(AdminHttpService.class.getName());
    private final Handler logCapture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        server = new AdminServer(BASE_URL);
        acmeKey = server.adminKey("acme");
        globexKey = server.adminKey("globex");
        logger.addHandler(logCapture);
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(logCapture);
        logger.setLevel(null);
        server.close();
    }

    private String logs() {
        synchronized (logLines) {
            return String.join("\n", logLines);
        }
    }

    // --- sign in -------------------------------------------------------------------------------

    @Test
    void anAdminKeySignsInWithAStrictHttpOnlySessionCookie() throws Exception {
        Reply reply = server.post("/admin/api/session", "{\"admin_key\":\"" + acmeKey + "\"}", null);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("acme", reply.json().get("org").asText());
        assertEquals(AdminServer.MCP_URL, reply.json().get("mcp_url").asText());
        assertEquals(server.now.get().plus(AdminServer.SESSION_LENGTH),
                Instant.parse(reply.json().get("expires_at").asText()));
        List<String> cookies = reply.setCookies();
        assertEquals(1, cookies.size(), cookies.toString());
        String cookie = reply.sessionCookie().orElseThrow();
        assertTrue(cookie.matches("[A-Za-z0-9_-]{43}"), cookie);
        assertEquals("lucent_admin_session=" + cookie + "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=28800; Secure",
                cookies.getFirst());
        assertFalse(reply.body().contains(cookie), "the cookie travels only in Set-Cookie");
        assertFalse(reply.body().contains(acmeKey));

        Reply current = server.get("/admin/api/session", cookie);
        assertEquals(200, current.status());
        assertEquals("acme", current.json().get("org").asText());
        assertEquals(AdminServer.MCP_URL, current.json().get("mcp_url").asText());
    }

    @Test
    void overPlainHttpTheCookieIsNotMarkedSecure() throws Exception {
        try (AdminServer plain = new AdminServer("http://localhost:8080")) {
            String key = plain.adminKey("acme");
            Reply reply = plain.post("/admin/api/session", "{\"admin_key\":\"" + key + "\"}", null);
            assertEquals(200, reply.status(), reply.toString());
            String header = reply.setCookies().getFirst();
            assertTrue(header.endsWith("; Max-Age=28800"), header);
            assertFalse(header.contains("Secure"), header);
        }
    }

    @Test
    void aWrongKeyOrAnMcpTokenIsRefusedWithoutACookie() throws Exception {
        String mcpToken = server.createToken("agent", server.signIn(acmeKey)).json().get("token").asText();
        List<String> refused = List.of(
                "luc_adm_" + "Z".repeat(32),            // well-formed, unknown
                mcpToken,                               // an MCP token is not an admin key
                "luc_adm_" + mcpToken.substring(8),     // nor is its secret under the admin prefix
                acmeKey + " ", " " + acmeKey,           // exact comparison
                acmeKey.substring(0, 39),
                "", "nope");
        for (String key : refused) {
            Reply reply = server.post("/admin/api/session", "{\"admin_key\":\"" + key + "\"}", null);
            assertEquals(401, reply.status(), key);
            assertEquals("invalid_admin_key", reply.error());
            assertEquals("That admin key is not valid. Create one with: bin/lucent-mcp admin create --org ORG",
                    reply.json().get("message").asText());
            assertTrue(reply.sessionCookie().isEmpty(), key);
            if (!key.isBlank()) {
                assertFalse(reply.body().contains(key.strip()), "the answer must not echo the key");
            }
        }
    }

    @Test
    void aSignInWithoutAnAdminKeyStringIsABadRequest() throws Exception {
        for (String body : List.of("{}", "{\"admin_key\":null}", "{\"admin_key\":42}", "{\"key\":\"" + acmeKey + "\"}")) {
            Reply reply = server.post("/admin/api/session", body, null);
            assertEquals(400, reply.status(), body);
            assertEquals("invalid_request", reply.error());
        }
    }

    @Test
    void signingInAgainEndsThePreviousSessionOfThatBrowser() throws Exception {
        String first = server.signIn(acmeKey);
        Reply again = server.post("/admin/api/session", "{\"admin_key\":\"" + acmeKey + "\"}", first);
        assertEquals(200, again.status());
        String second = again.sessionCookie().orElseThrow();
        assertNotEquals(first, second);
        assertEquals(401, server.get("/admin/api/session", first).status());
        assertEquals(200, server.get("/admin/api/session", second).status());
    }

    // --- sessions ------------------------------------------------------------------------------

    @Test
    void everyApiCallButSignInNeedsALiveSession() throws Exception {
        String tokenId = server.createToken("laptop", server.signIn(acmeKey)).json().get("id").asText();
        List<String> noSession = new ArrayList<>();
        noSession.add(null);                                  // no cookie
        noSession.add("bogus");                               // not of the cookie form
        noSession.add("0".repeat(43));                        // of the form, but no such session
        noSession.add(acmeKey);                               // an admin key is not a session
        for (String cookie : noSession) {
            for (Reply reply : List.of(
                    server.get("/admin/api/session", cookie),
                    server.get("/admin/api/tokens", cookie),
                    server.createToken("sneaky", cookie),
                    server.revoke(tokenId, cookie),
                    server.delete("/admin/api/session", cookie))) {
                assertEquals(401, reply.status(), cookie + ": " + reply);
                assertEquals("not_signed_in", reply.error());
                assertTrue(reply.header("WWW-Authenticate").isEmpty(), "no browser login prompt");
            }
        }
        JsonNode listing = server.get("/admin/api/tokens", server.signIn(acmeKey)).json();
        assertEquals(1, listing.get("tokens").size(), "nothing was created without a session");
        assertTrue(listing.get("tokens").get(0).get("revoked_at").isNull(), "nothing was revoked without a session");
    }

    @Test
    void aDeadCookieIsClearedWhenItIsRefused() throws Exception {
        Reply reply = server.get("/admin/api/tokens", "0".repeat(43));
        assertEquals(401, reply.status());
        assertEquals("lucent_admin_session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0; Secure",
                reply.setCookies().getFirst());
    }

    @Test
    void aSessionEndsWhenItExpires() throws Exception {
        String cookie = server.signIn(acmeKey);
        server.now.set(server.now.get().plus(AdminServer.SESSION_LENGTH).minusSeconds(1));
        assertEquals(200, server.get("/admin/api/tokens", cookie).status());
        server.now.set(server.now.get().plusSeconds(1));
        Reply expired = server.get("/admin/api/tokens", cookie);
        assertEquals(401, expired.status());
        assertEquals("not_signed_in", expired.error());
    }

    @Test
    void signingOutEndsTheSessionServerSideAndClearsTheCookie() throws Exception {
        String cookie = server.signIn(acmeKey);
        Reply reply = server.delete("/admin/api/session", cookie);

        assertEquals(204, reply.status());
        assertEquals("", reply.body());
        assertEquals("lucent_admin_session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0; Secure",
                reply.setCookies().getFirst());
        // A browser that kept the cookie anyway gets nowhere.
        assertEquals(401, server.get("/admin/api/session", cookie).status());
        assertEquals(401, server.get("/admin/api/tokens", cookie).status());
    }

    @Test
    void theSessionCookieIsFoundAmongOtherCookies() throws Exception {
        String cookie = server.signIn(acmeKey);
        Reply reply = server.send(server.request("/admin/api/session")
                .header("Cookie", "theme=dark; lucent_admin_session=" + cookie + "; other=1").GET());
        assertEquals(200, reply.status());
        assertEquals("acme", reply.json().get("org").asText());
    }

    @Test
    void noAuthorizationHeaderOpensTheAdminApi() throws Exception {
        String mcpToken = server.createToken("agent", server.signIn(acmeKey)).json().get("token").asText();
        for (String authorization : List.of("Bearer " + mcpToken, "Bearer " + acmeKey, "Basic YWRtaW46YWRtaW4=")) {
            for (String path : List.of("/admin/api/session", "/admin/api/tokens")) {
                Reply reply = server.send(server.request(path).header("Authorization", authorization).GET());
                assertEquals(401, reply.status(), authorization + " " + path);
                assertEquals("not_signed_in", reply.error());
            }
            Reply create = server.send(server.request("/admin/api/tokens").header("Authorization", authorization)
                    .header("Origin", BASE_URL).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
            assertEquals(401, create.status());
        }
        assertEquals(1, server.tokens.list(OrgId.of("acme")).size());
    }

    @Test
    void theOrgComesFromTheSessionEvenWhenAnotherOrgsTokenIsPresented() throws Exception {
        String acme = server.signIn(acmeKey);
        String globexToken = server.createToken("globex agent", server.signIn(globexKey)).json().get("token").asText();
        Reply reply = server.send(AdminServer.withCookie(server.request("/admin/api/tokens"), acme)
                .header("Authorization", "Bearer " + globexToken).GET());
        assertEquals(200, reply.status());
        assertEquals(0, reply.json().get("tokens").size(), "acme's session lists acme's tokens only");
    }

    // --- tokens --------------------------------------------------------------------------------

    @Test
    void creatingATokenShowsItsPlaintextOnceAndTheListNeverShowsASecret() throws Exception {
        String cookie = server.signIn(acmeKey);
        Reply created = server.createToken("  my laptop  ", cookie);

        assertEquals(201, created.status(), created.toString());
        JsonNode body = created.json();
        String plaintext = body.get("token").asText();
        assertTrue(plaintext.matches("luc_mcp_[A-Za-z0-9_-]{32}"), plaintext);
        assertEquals("my laptop", body.get("name").asText());
        assertEquals(AdminServer.MCP_URL, body.get("mcp_url").asText());
        assertEquals(server.now.get(), Instant.parse(body.get("created_at").asText()));
        UUID.fromString(body.get("id").asText());
        assertEquals("no-store", created.header("Cache-Control").orElseThrow());

        Reply listed = server.get("/admin/api/tokens", cookie);
        assertEquals(200, listed.status());
        assertFalse(listed.body().contains(plaintext));
        assertFalse(listed.body().contains("luc_mcp_"));
        assertFalse(listed.body().contains(server.hasher.hash(com.lucenthq.mcp.domain.token.PlaintextToken.parse(plaintext))
                .toString()), "no hash either");
        assertFalse(listed.body().matches("(?s).*[0-9a-f]{64}.*"), "nothing that looks like a SHA-256 digest");
        JsonNode row = listed.json().get("tokens").get(0);
        assertEquals(List.of("id", "name", "kind", "created_at", "last_used_at", "revoked_at"), fieldNames(row));
        assertEquals(body.get("id"), row.get("id"));
        assertEquals("my laptop", row.get("name").asText());
        assertEquals("Token", row.get("kind").asText());
        assertEquals(body.get("created_at"), row.get("created_at"));
        assertTrue(row.get("last_used_at").isNull());
        assertTrue(row.get("revoked_at").isNull());
        assertFalse(logs().contains(plaintext), "the plaintext is never logged");
        assertInstanceOf(AuthenticationResult.Authenticated.class, server.mcpAuthenticate.authenticate(plaintext),
                "the plaintext shown is a working MCP token");
    }

    @Test
    void theListIsNewestFirstAndShowsWhenEachTokenWasLastUsed() throws Exception {
        String cookie = server.signIn(acmeKey);
        String first = server.createToken("first", cookie).json().get("token").asText();
        server.now.set(server.now.get().plusSeconds(60));
        server.createToken("second", cookie);
        server.now.set(server.now.get().plusSeconds(60));
        server.mcpAuthenticate.authenticate(first);
        Instant usedAt = server.now.get();

        JsonNode tokens = server.get("/admin/api/tokens", cookie).json().get("tokens");
        assertEquals(2, tokens.size());
        assertEquals("second", tokens.get(0).get("name").asText());
        assertEquals("first", tokens.get(1).get("name").asText());
        assertTrue(tokens.get(0).get("last_used_at").isNull());
        assertEquals(usedAt, Instant.parse(tokens.get(1).get("last_used_at").asText()));
    }

    @Test
    void invalidNamesAreRefusedWithTheDomainsMessage() throws Exception {
        String cookie = server.signIn(acmeKey);
        Map<String, String> cases = Map.of(
                "{\"name\":\"   \"}", "name must not be blank",
                "{\"name\":\"" + "x".repeat(65) + "\"}", "name must be at most 64 characters",
                "{\"name\":\"bad\\u0007name\"}", "name must not contain control characters",
                "{\"name\":\"two\\nlines\"}", "name must not contain control characters",
                "{}", "name is required",
                "{\"name\":null}", "name is required",
                "{\"name\":42}", "name must be a string",
                "{\"name\":[\"a\"]}", "name must be a string");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Reply reply = server.post("/admin/api/tokens", entry.getKey(), cookie);
            assertEquals(400, reply.status(), entry.getKey());
            assertEquals("invalid_name", reply.error(), entry.getKey());
            assertEquals(entry.getValue(), reply.json().get("message").asText(), entry.getKey());
        }
        assertEquals(0, server.tokens.list(OrgId.of("acme")).size());
        // The bounds themselves are fine, counted in characters rather than UTF-16 units.
        assertEquals(201, server.createToken("x".repeat(64), cookie).status());
        assertEquals(201, server.createToken("🔑".repeat(TokenName.MAX_LENGTH), cookie).status());
    }

    @Test
    void revokingSetsRevokedAtOnceAndTheTokenStopsWorking() throws Exception {
        String cookie = server.signIn(acmeKey);
        JsonNode created = server.createToken("laptop", cookie).json();
        String id = created.get("id").asText();
        server.now.set(server.now.get().plusSeconds(30));
        Instant revokedAt = server.now.get();

        Reply revoked = server.revoke(id, cookie);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals(id, revoked.json().get("id").asText());
        assertEquals(revokedAt, Instant.parse(revoked.json().get("revoked_at").asText()));
        assertInstanceOf(AuthenticationResult.Revoked.class,
                server.mcpAuthenticate.authenticate(created.get("token").asText()));

        server.now.set(server.now.get().plusSeconds(30));
        Reply again = server.revoke(id, cookie);
        assertEquals(200, again.status(), "revoking twice is not an error");
        assertEquals(revokedAt, Instant.parse(again.json().get("revoked_at").asText()), "the original time");

        JsonNode row = server.get("/admin/api/tokens", cookie).json().get("tokens").get(0);
        assertEquals(revokedAt, Instant.parse(row.get("revoked_at").asText()));
    }

    @Test
    void anAdminCanNeitherSeeNorRevokeAnotherOrgsTokens() throws Exception {
        String acme = server.signIn(acmeKey);
        String globex = server.signIn(globexKey);
        JsonNode globexToken = server.createToken("globex prod", globex).json();
        server.createToken("acme laptop", acme);

        JsonNode acmeList = server.get("/admin/api/tokens", acme).json().get("tokens");
        assertEquals(1, acmeList.size());
        assertEquals("acme laptop", acmeList.get(0).get("name").asText());

        Reply foreign = server.revoke(globexToken.get("id").asText(), acme);
        assertEquals(404, foreign.status());
        assertEquals("not_found", foreign.error());
        assertInstanceOf(AuthenticationResult.Authenticated.class,
                server.mcpAuthenticate.authenticate(globexToken.get("token").asText()), "globex's token still works");
        JsonNode globexList = server.get("/admin/api/tokens", globex).json().get("tokens");
        assertEquals(1, globexList.size());
        assertEquals("globex prod", globexList.get(0).get("name").asText());
        assertTrue(globexList.get(0).get("revoked_at").isNull());
    }

    @Test
    void revokingAnUnknownOrMalformedIdIs404() throws Exception {
        String cookie = server.signIn(acmeKey);
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1", "%20")) {
            Reply reply = server.revoke(id, cookie);
            assertEquals(404, reply.status(), id);
            assertEquals("not_found", reply.error());
        }
    }

    // --- cross-site protection and request bodies ---------------------------------------------

    @Test
    void stateChangingRequestsNeedOurOwnOrigin() throws Exception {
        String cookie = server.signIn(acmeKey);
        String id = server.createToken("laptop", cookie).json().get("id").asText();
        List<String> foreign = new ArrayList<>(List.of("https://evil.example.net", "null", "http://admin.example.com",
                "https://admin.example.com:8443", "https://admin.example.com.evil.net", "https://admin.example.com/x", ""));
        foreign.add(null);
        for (String origin : foreign) {
            List<HttpRequest.Builder> requests = List.of(
                    server.request("/admin/api/session").POST(json("{\"admin_key\":\"" + acmeKey + "\"}")),
                    server.request("/admin/api/tokens").POST(json("{\"name\":\"csrf\"}")),
                    server.request("/admin/api/tokens/" + id + "/revoke").POST(json("{}")),
                    server.request("/admin/api/session").DELETE());
            for (HttpRequest.Builder request : requests) {
                request.header("Content-Type", "application/json");
                AdminServer.withCookie(request, cookie);
                if (origin != null) {
                    request.header("Origin", origin);
                }
                Reply reply = server.send(request);
                assertEquals(403, reply.status(), origin + " " + reply);
                assertEquals("cross_site_request", reply.error());
                assertTrue(reply.sessionCookie().isEmpty());
            }
        }
        JsonNode tokens = server.get("/admin/api/tokens", cookie).json().get("tokens");
        assertEquals(1, tokens.size(), "nothing was created cross-site");
        assertTrue(tokens.get(0).get("revoked_at").isNull(), "nothing was revoked cross-site");
        assertEquals(200, server.get("/admin/api/session", cookie).status(), "the session was not ended cross-site");
    }

    @Test
    void ourOriginPassesInAnyEquivalentSpelling() throws Exception {
        for (String origin : List.of(BASE_URL, "https://ADMIN.example.com", "https://admin.example.com:443")) {
            Reply reply = server.send(server.request("/admin/api/session").header("Origin", origin)
                    .header("Content-Type", "application/json").POST(json("{\"admin_key\":\"" + acmeKey + "\"}")));
            assertEquals(200, reply.status(), origin);
        }
    }

    @Test
    void postBodiesMustBeJson() throws Exception {
        String cookie = server.signIn(acmeKey);
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "")) {
            for (String path : List.of("/admin/api/session", "/admin/api/tokens")) {
                HttpRequest.Builder request = AdminServer.withCookie(server.request(path), cookie)
                        .header("Origin", BASE_URL).POST(json("{\"name\":\"laptop\",\"admin_key\":\"" + acmeKey + "\"}"));
                if (!contentType.isEmpty()) {
                    request.header("Content-Type", contentType);
                }
                Reply reply = server.send(request);
                assertEquals(415, reply.status(), contentType + " " + path);
                assertEquals("unsupported_media_type", reply.error());
            }
        }
        Reply withCharset = server.send(AdminServer.withCookie(server.request("/admin/api/tokens"), cookie)
                .header("Origin", BASE_URL).header("Content-Type", "application/json; charset=UTF-8")
                .POST(json("{\"name\":\"laptop\"}")));
        assertEquals(201, withCharset.status());
        Reply textRevoke = server.send(AdminServer.withCookie(
                server.request("/admin/api/tokens/" + withCharset.json().get("id").asText() + "/revoke"), cookie)
                .header("Origin", BASE_URL).header("Content-Type", "text/plain").POST(json("x")));
        assertEquals(415, textRevoke.status(), "a revoke needs no body, but what it sends must be JSON");
        assertEquals(1, server.tokens.list(OrgId.of("acme")).size());
    }

    @Test
    void bodiesOver16KiBAre413() throws Exception {
        String cookie = server.signIn(acmeKey);
        String prefix = "{\"name\":\"laptop\",\"pad\":\"";
        String suffix = "\"}";
        String exactly = prefix + "x".repeat(AdminHttpService.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        assertEquals(AdminHttpService.MAX_BODY_BYTES, exactly.length());
        assertEquals(201, server.post("/admin/api/tokens", exactly, cookie).status(), "16 KiB itself is fine");

        String oneMore = prefix + "x".repeat(AdminHttpService.MAX_BODY_BYTES + 1 - prefix.length() - suffix.length()) + suffix;
        Reply reply = server.post("/admin/api/tokens", oneMore, cookie);
        assertEquals(413, reply.status());
        assertEquals("payload_too_large", reply.error());
        Reply huge = server.post("/admin/api/session", "{\"admin_key\":\"" + "x".repeat(200_000) + "\"}", null);
        assertEquals(413, huge.status());

        // Without a Content-Length (chunked), the limit holds as well.
        byte[] bytes = oneMore.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply chunked = server.send(AdminServer.withCookie(server.request("/admin/api/tokens"), cookie)
                .header("Origin", BASE_URL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertEquals(413, chunked.status());
        assertEquals(1, server.tokens.list(OrgId.of("acme")).size());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String cookie = server.signIn(acmeKey);
        for (String body : List.of("{", "", "[]", "\"laptop\"", "null", "{\"name\":\"a\"} trailing",
                "{\"name\":\"a\",\"name\":\"b\"}", "{name:\"a\"}")) {
            for (String path : List.of("/admin/api/session", "/admin/api/tokens")) {
                Reply reply = server.post(path, body, cookie);
                assertEquals(400, reply.status(), body + " " + path);
                assertEquals("invalid_json", reply.error(), body);
            }
        }
        assertEquals(0, server.tokens.list(OrgId.of("acme")).size());
    }

    // --- failures ------------------------------------------------------------------------------

    @Test
    void anUnreachableTokenStoreIs503NeverA401() throws Exception {
        String cookie = server.signIn(acmeKey);
        String id = server.createToken("laptop", cookie).json().get("id").asText();
        server.tokens.setAvailable(false);
        for (Reply reply : List.of(server.get("/admin/api/tokens", cookie), server.createToken("x", cookie),
                server.revoke(id, cookie))) {
            assertEquals(503, reply.status(), reply.toString());
            assertEquals("5", reply.header("Retry-After").orElseThrow());
            assertEquals("unavailable", reply.error());
        }
        server.admins.setAvailable(false);
        for (Reply reply : List.of(server.get("/admin/api/session", cookie),
                server.post("/admin/api/session", "{\"admin_key\":\"" + acmeKey + "\"}", null))) {
            assertEquals(503, reply.status(), "an unreachable session store is not a signed-out admin");
            assertEquals("5", reply.header("Retry-After").orElseThrow());
            assertTrue(reply.setCookies().isEmpty(), "the cookie is kept for when the store is back");
        }
        server.tokens.setAvailable(true);
        server.admins.setAvailable(true);
        assertEquals(200, server.get("/admin/api/tokens", cookie).status());
    }

    @Test
    void anUnexpectedErrorIs500WithAReferenceAndNoDetail() throws Exception {
        String cookie = server.signIn(acmeKey);
        server.listingExplodes.set(true);
        Reply reply = server.get("/admin/api/tokens", cookie);

        assertEquals(500, reply.status());
        assertEquals("internal_error", reply.error());
        String message = reply.json().get("message").asText();
        String reference = message.replaceAll(".*reference ([0-9a-f-]{36}).*", "$1");
        UUID.fromString(reference);
        assertFalse(reply.body().contains("IllegalStateException"));
        assertFalse(reply.body().contains("internal detail"));
        assertFalse(reply.body().contains("at com."), "no stack trace");
        assertTrue(logs().contains(reference), "the reference leads to the logged failure");
    }

    @Test
    void unknownApiPathsAndMethodsAnswerInJson() throws Exception {
        String cookie = server.signIn(acmeKey);
        Reply unknown = server.get("/admin/api/nothing/here", cookie);
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.error());

        Reply put = server.send(AdminServer.withCookie(server.request("/admin/api/tokens"), cookie)
                .header("Origin", BASE_URL).PUT(json("{}")));
        assertEquals(405, put.status());
        assertEquals("GET, POST", put.header("Allow").orElseThrow());
        assertEquals("method_not_allowed", put.error());
        Reply getRevoke = server.get("/admin/api/tokens/" + UUID.randomUUID() + "/revoke", cookie);
        assertEquals(405, getRevoke.status());
        assertEquals("POST", getRevoke.header("Allow").orElseThrow());
    }

    @Test
    void apiAnswersAreUncachedJsonWithTheSecurityHeaders() throws Exception {
        String cookie = server.signIn(acmeKey);
        for (Reply reply : List.of(server.get("/admin/api/tokens", cookie), server.get("/admin/api/tokens", null),
                server.post("/admin/api/session", "{\"admin_key\":\"" + acmeKey + "\"}", null))) {
            assertEquals("application/json", reply.header("Content-Type").orElseThrow());
            assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
            assertEquals("nosniff", reply.header("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", reply.header("X-Frame-Options").orElseThrow());
        }
    }

    @Test
    void noSecretIsEverLogged() throws Exception {
        String cookie = server.signIn(acmeKey);
        String token = server.createToken("laptop", cookie).json().get("token").asText();
        String id = server.get("/admin/api/tokens", cookie).json().get("tokens").get(0).get("id").asText();
        server.revoke(id, cookie);
        server.post("/admin/api/session", "{\"admin_key\":\"" + globexKey + "x\"}", null);
        server.post("/admin/api/session", "{\"admin_key\":\"" + token + "\"}", null);
        server.tokens.setAvailable(false);
        server.get("/admin/api/tokens", cookie);
        server.tokens.setAvailable(true);
        server.delete("/admin/api/session", cookie);

        String logs = logs();
        assertTrue(logs.contains("Token " + id + " revoked in org acme"), logs);
        for (String secret : List.of(acmeKey, globexKey, token, cookie, "luc_mcp_", "luc_adm_")) {
            assertFalse(logs.contains(secret), secret);
        }
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
