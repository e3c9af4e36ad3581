package com.lucenthq.mcp.adapters.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.application.admin.AuthenticateAdminSessionService;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.application.admin.EndAdminSessionService;
import com.lucenthq.mcp.application.admin.StartAdminSessionService;
import com.lucenthq.mcp.application.fake.InMemoryAdminStore;
import com.lucenthq.mcp.application.fake.InMemoryGrantStore;
import com.lucenthq.mcp.application.fake.InMemoryTokenStore;
import com.lucenthq.mcp.application.fake.JdkSha256Hasher;
import com.lucenthq.mcp.application.fake.SequentialSecretGenerator;
import com.lucenthq.mcp.application.port.in.token.AuthenticateToken;
import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.token.AuthenticateTokenService;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.application.token.ListTokensService;
import com.lucenthq.mcp.application.token.RevokeTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin service on a real Helidon server on 127.0.0.1, over the real use cases and in-memory stores,
 * with a clock the test moves and a switch that makes listing tokens blow up. Plus a small HTTP client
 * that handles the session cookie explicitly, as a browser would.
 */
final class AdminServer implements AutoCloseable {

    static final Duration SESSION_LENGTH = Duration.ofHours(8);
    static final String MCP_URL = "https://mcp.example.com/api/mcp";

    final InMemoryTokenStore tokens = new InMemoryTokenStore();
    final InMemoryAdminStore admins = new InMemoryAdminStore();
    final SequentialSecretGenerator generator = new SequentialSecretGenerator();
    final JdkSha256Hasher hasher = new JdkSha256Hasher();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    final Clock clock = now::get;
    final AtomicBoolean listingExplodes = new AtomicBoolean();
    final CreateAdminKeyService createAdminKey = new CreateAdminKeyService(admins, generator, hasher, clock);
    /** The MCP side's authentication, to use tokens as a client would and see revocation take effect. */
    final AuthenticateToken mcpAuthenticate = new AuthenticateTokenService(tokens, hasher, clock, Duration.ZERO);

    final String origin;
    private final WebServer server;
    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    AdminServer(String publicBaseUrl) {
        ListTokens realList = new ListTokensService(tokens, new InMemoryGrantStore());
        AdminUseCases useCases = new AdminUseCases(
                new StartAdminSessionService(admins, generator, hasher, clock, SESSION_LENGTH),
                new AuthenticateAdminSessionService(admins, hasher, clock),
                new EndAdminSessionService(admins, hasher),
                new CreateTokenService(tokens, generator, hasher, clock),
                org -> {
                    if (listingExplodes.get()) {
                        throw new IllegalStateException("listing failed: internal detail");
                    }
                    return realList.list(org);
                },
                new RevokeTokenService(tokens, new InMemoryGrantStore(), clock));
        this.origin = publicBaseUrl;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(new AdminHttpService(useCases,
                        new AdminHttpConfig(URI.create(publicBaseUrl), MCP_URL, SESSION_LENGTH))))
                .build()
                .start();
        this.base = "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A new admin key of {@code org}, as the CLI would mint it. */
    String adminKey(String org) {
        return createAdminKey.create(OrgId.of(org)).key().reveal();
    }

    /** Signs in with {@code adminKey} and returns the session cookie's value. */
    String signIn(String adminKey) throws IOException, InterruptedException {
        Reply reply = post("/admin/api/session", "{\"admin_key\":\"" + adminKey + "\"}", null);
        if (reply.status() != 200) {
            throw new AssertionError("sign-in failed: " + reply);
        }
        return reply.sessionCookie().orElseThrow();
    }

    // --- requests --------------------------------------------------------------------------------

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    /** A same-origin JSON POST, with the cookie when not null. */
    Reply post(String path, String json, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Origin", origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(withCookie(builder, cookie));
    }

    Reply get(String path, String cookie) throws IOException, InterruptedException {
        return send(withCookie(request(path).GET(), cookie));
    }

    Reply delete(String path, String cookie) throws IOException, InterruptedException {
        return send(withCookie(request(path).header("Origin", origin).DELETE(), cookie));
    }

    Reply createToken(String name, String cookie) throws IOException, InterruptedException {
        return post("/admin/api/tokens", new ObjectMapper().createObjectNode().put("name", name).toString(), cookie);
    }

    Reply revoke(String id, String cookie) throws IOException, InterruptedException {
        return send(withCookie(request("/admin/api/tokens/" + id + "/revoke").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()), cookie));
    }

    static HttpRequest.Builder withCookie(HttpRequest.Builder builder, String cookie) {
        return cookie == null ? builder : builder.header("Cookie", AdminHttpService.SESSION_COOKIE + "=" + cookie);
    }

    Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A response, with its body parsed as JSON where it is JSON. */
    record Reply(HttpResponse<String> response) {

        private static final Pattern SESSION = Pattern.compile("^" + AdminHttpService.SESSION_COOKIE + "=([^;]*);");

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        List<String> setCookies() {
            return new ArrayList<>(response.headers().allValues("Set-Cookie"));
        }

        /** The value the response sets the session cookie to, if it sets it. */
        Optional<String> sessionCookie() {
            for (String header : setCookies()) {
                Matcher matcher = SESSION.matcher(header);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
