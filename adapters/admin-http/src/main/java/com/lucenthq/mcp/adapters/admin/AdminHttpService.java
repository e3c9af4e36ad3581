package com.lucenthq.mcp.adapters.admin;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.admin.AdminSignIn;
import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.IssuedToken;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The org admin's side of the server, under {@value #ROOT}: the page "Organization settings → MCP" and the
 * JSON API behind it (sign in with an admin key, then list, create and revoke the org's MCP tokens).
 *
 * <p>Who may do what: an admin key is exchanged for an HttpOnly, SameSite=Strict session cookie, and every
 * other API call needs a live session. The org of every operation comes only from that session; the
 * {@code Authorization} header is never read, so an MCP token opens nothing here. State-changing requests
 * must also come from the public base URL's own origin. Secrets (admin keys, session cookies, token
 * plaintexts) are never logged and never put in an error message.
 */
public final class AdminHttpService implements HttpService {

    static final String ROOT = "/admin";
    static final String SESSION_COOKIE = "lucent_admin_session";
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int RETRY_AFTER_SECONDS = 5;
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final Logger LOG = Logger.getLogger(AdminHttpService.class.getName());
    private static final HeaderName CONTENT_SECURITY_POLICY_HEADER = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName OPENER_POLICY = HeaderNames.create("Cross-Origin-Opener-Policy");
    private static final HeaderName RESOURCE_POLICY = HeaderNames.create("Cross-Origin-Resource-Policy");
    private static final String JSON = "application/json";

    private final AdminUseCases useCases;
    private final AdminHttpConfig config;
    private final SameOrigin sameOrigin;
    private final SignInThrottle signInThrottle;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ObjectReader reader = json.reader();
    private final PageAsset indexHtml = PageAsset.load("index.html", "text/html; charset=utf-8");
    private final PageAsset appJs = PageAsset.load("app.js", "text/javascript; charset=utf-8");
    private final PageAsset appCss = PageAsset.load("app.css", "text/css; charset=utf-8");

    public AdminHttpService(AdminUseCases useCases, AdminHttpConfig config) {
        this(useCases, config, SignInThrottle.NONE);
    }

    /** With the failed-authentication limit on sign-in: beyond it a refused admin key is answered 429. */
    public AdminHttpService(AdminUseCases useCases, AdminHttpConfig config, SignInThrottle signInThrottle) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.config = Objects.requireNonNull(config, "config");
        this.sameOrigin = new SameOrigin(config.origins());
        this.signInThrottle = Objects.requireNonNull(signInThrottle, "signInThrottle");
    }

    @Override
    public void routing(HttpRules rules) {
        // HEAD first, answered without content: content on a HEAD answer desynchronizes a reused connection.
        rules.head(ROOT, this::redirectToPage)
                .head(ROOT + "/", pageHead(indexHtml))
                .head(ROOT + "/index.html", pageHead(indexHtml))
                .head(ROOT + "/app.js", pageHead(appJs))
                .head(ROOT + "/app.css", pageHead(appCss))
                .head(ROOT + "/*", this::headNotSupported);
        rules.get(ROOT, this::redirectToPage)
                .get(ROOT + "/", page(indexHtml))
                .get(ROOT + "/index.html", page(indexHtml))
                .get(ROOT + "/app.js", page(appJs))
                .get(ROOT + "/app.css", page(appCss))
                .post(ROOT + "/api/session", api(this::signIn))
                .get(ROOT + "/api/session", api(this::currentSession))
                .delete(ROOT + "/api/session", api(this::signOut))
                .any(ROOT + "/api/session", api(methodNotAllowed("GET, POST, DELETE")))
                .get(ROOT + "/api/tokens", api(this::listTokens))
                .post(ROOT + "/api/tokens", api(this::createToken))
                .any(ROOT + "/api/tokens", api(methodNotAllowed("GET, POST")))
                .post(ROOT + "/api/tokens/{id}/revoke", api(this::revokeToken))
                .any(ROOT + "/api/tokens/{id}/revoke", api(methodNotAllowed("POST")))
                .any(ROOT + "/api", api(this::unknownApiPath))
                .any(ROOT + "/api/*", api(this::unknownApiPath));
    }

    // --- the page --------------------------------------------------------------------------------

    private void redirectToPage(ServerRequest request, ServerResponse response) {
        securityHeaders(response);
        response.status(Status.MOVED_PERMANENTLY_301);
        response.header(HeaderNames.LOCATION, ROOT + "/");
        response.send();
    }

    /** HEAD of a page asset: GET's status and headers, its Content-Length included, and no content. */
    private Handler pageHead(PageAsset asset) {
        return (request, response) -> {
            securityHeaders(response);
            response.header(HeaderNames.CONTENT_TYPE, asset.contentType());
            response.header(HeaderNames.CONTENT_LENGTH, String.valueOf(asset.bytes().length));
            response.send();
        };
    }

    private Handler page(PageAsset asset) {
        return (request, response) -> {
            securityHeaders(response);
            response.header(HeaderNames.CONTENT_TYPE, asset.contentType());
            response.send(asset.bytes());
        };
    }

    // --- session ---------------------------------------------------------------------------------

    private void signIn(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        JsonNode body = jsonBody(request);
        JsonNode key = body.get("admin_key");
        if (key == null || !key.isTextual()) {
            throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_request",
                    "Send the admin key as {\"admin_key\": \"luc_adm_…\"}.");
        }
        switch (useCases.startSession().start(key.textValue())) {
            case AdminSignIn.Started started -> {
                // Signing in anew replaces whatever session this browser had.
                sessionCookie(request).ifPresent(useCases.endSession()::end);
                LOG.info(() -> "Admin signed in to org " + started.principal().org() + " with admin key "
                        + started.principal().keyId());
                response.header(HeaderNames.SET_COOKIE, sessionCookieHeader(started.cookie().reveal(),
                        config.sessionLength().toSeconds()));
                ObjectNode reply = json.createObjectNode()
                        .put("org", started.principal().org().value())
                        .put("expires_at", started.expiresAt().toString())
                        .put("mcp_url", config.mcpUrl());
                send(response, Status.OK_200, reply);
            }
            case AdminSignIn.Refused refused -> {
                LOG.info("Refused an admin sign-in: the key is not an admin key of any org");
                long wait = signInThrottle.refused(request.remotePeer().address());
                if (wait > 0) {
                    long seconds = Math.max(1, (wait + 999_999_999) / 1_000_000_000);
                    response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
                    throw new AdminApiException(Status.TOO_MANY_REQUESTS_429, "too_many_attempts",
                            "Too many failed sign-ins from this address; retry in " + seconds + " seconds.");
                }
                throw new AdminApiException(Status.UNAUTHORIZED_401, "invalid_admin_key",
                        "That admin key is not valid. Create one with: bin/lucent-mcp admin create --org ORG");
            }
        }
    }

    private void currentSession(ServerRequest request, ServerResponse response) {
        AdminPrincipal admin = requireSession(request, response);
        send(response, Status.OK_200, json.createObjectNode()
                .put("org", admin.org().value())
                .put("mcp_url", config.mcpUrl()));
    }

    private void signOut(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        AdminPrincipal admin = requireSession(request, response);
        useCases.endSession().end(sessionCookie(request).orElseThrow());
        LOG.info(() -> "Admin signed out of org " + admin.org() + " (admin key " + admin.keyId() + ")");
        response.header(HeaderNames.SET_COOKIE, sessionCookieHeader("", 0));
        response.status(Status.NO_CONTENT_204);
        response.send();
    }

    // --- tokens ----------------------------------------------------------------------------------

    private void listTokens(ServerRequest request, ServerResponse response) {
        AdminPrincipal admin = requireSession(request, response);
        ArrayNode tokens = json.createArrayNode();
        for (TokenSummary token : useCases.listTokens().list(admin.org())) {
            ObjectNode row = tokens.addObject()
                    .put("id", token.id().toString())
                    .put("name", token.name().value())
                    .put("kind", token.kind().label())
                    .put("created_at", token.createdAt().toString());
            row.put("last_used_at", token.lastUsedAt().map(Instant::toString).orElse(null));
            row.put("revoked_at", token.revokedAt().map(Instant::toString).orElse(null));
        }
        ObjectNode reply = json.createObjectNode();
        reply.set("tokens", tokens);
        send(response, Status.OK_200, reply);
    }

    private void createToken(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        AdminPrincipal admin = requireSession(request, response);
        JsonNode body = jsonBody(request);
        TokenName name = tokenName(body.get("name"));
        IssuedToken issued = useCases.createToken().create(admin.org(), name);
        LOG.info(() -> "Token " + issued.token().id() + " created in org " + admin.org() + " by admin key "
                + admin.keyId());
        ObjectNode reply = json.createObjectNode()
                .put("id", issued.token().id().toString())
                .put("name", issued.token().name().value())
                .put("created_at", issued.token().createdAt().toString())
                .put("token", issued.plaintext().reveal())
                .put("mcp_url", config.mcpUrl());
        send(response, Status.CREATED_201, reply);
    }

    private static TokenName tokenName(JsonNode name) {
        if (name != null && !name.isTextual() && !name.isNull()) {
            throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_name", "name must be a string");
        }
        try {
            return TokenName.of(name == null ? null : name.textValue());
        } catch (InvalidValueException e) {
            throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_name", e.getMessage());
        }
    }

    private void revokeToken(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        AdminPrincipal admin = requireSession(request, response);
        if (hasBody(request)) {
            jsonBody(request); // nothing to say, but what is sent must still be small, well-formed JSON
        }
        TokenId id;
        try {
            id = TokenId.parse(request.path().pathParameters().get("id"));
        } catch (InvalidValueException notAnId) {
            throw AdminApiException.notFound();
        }
        Instant revokedAt = switch (useCases.revokeToken().revoke(admin.org(), id)) {
            case RevocationResult.Revoked revoked -> {
                LOG.info(() -> "Token " + id + " revoked in org " + admin.org() + " by admin key " + admin.keyId());
                yield revoked.at();
            }
            case RevocationResult.AlreadyRevoked already -> already.at();
            case RevocationResult.NotFound notFound -> throw AdminApiException.notFound();
        };
        send(response, Status.OK_200, json.createObjectNode()
                .put("id", id.toString())
                .put("revoked_at", revokedAt.toString()));
    }

    private void unknownApiPath(ServerRequest request, ServerResponse response) {
        throw new AdminApiException(Status.NOT_FOUND_404, "not_found", "There is no such admin API endpoint.");
    }

    private static ApiHandler methodNotAllowed(String allowed) {
        return (request, response) -> {
            response.header(HeaderNames.ALLOW, allowed);
            throw new AdminApiException(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed",
                    "This endpoint accepts " + allowed + ".");
        };
    }

    // --- checks ----------------------------------------------------------------------------------

    /** Cross-site request protection for POST and DELETE: the browser's Origin must be our own. */
    private void requireSameOrigin(ServerRequest request) {
        List<String> origins = request.headers().all(HeaderNames.ORIGIN, List::of);
        if (origins.size() != 1 || !sameOrigin.matches(origins.getFirst())) {
            throw new AdminApiException(Status.FORBIDDEN_403, "cross_site_request",
                    "This request must come from the settings page at " + config.origin() + "/admin/; "
                            + (origins.isEmpty() ? "it carried no Origin header." : "its Origin header names another site.")
                            + " Open the settings page at that address.");
        }
    }

    /** The signed-in admin, or a 401; a cookie that no longer opens a session is cleared as well. */
    private AdminPrincipal requireSession(ServerRequest request, ServerResponse response) {
        Optional<String> cookie = sessionCookie(request);
        if (cookie.isEmpty()) {
            throw AdminApiException.notSignedIn();
        }
        Optional<AdminPrincipal> admin = useCases.authenticate().authenticate(cookie.get());
        if (admin.isEmpty()) {
            response.header(HeaderNames.SET_COOKIE, sessionCookieHeader("", 0));
            throw AdminApiException.notSignedIn();
        }
        return admin.get();
    }

    /** The first {@value #SESSION_COOKIE} cookie sent, if any. Parsed here, so nothing else sees its value. */
    static Optional<String> sessionCookie(ServerRequest request) {
        for (String header : request.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(SESSION_COOKIE)) {
                    String value = pair.substring(equals + 1).strip();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private String sessionCookieHeader(String value, long maxAgeSeconds) {
        return SESSION_COOKIE + "=" + value + "; Path=" + ROOT + "; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (config.secureCookies() ? "; Secure" : "");
    }

    private static boolean hasBody(ServerRequest request) {
        OptionalLong length = request.headers().contentLength();
        return length.isPresent() ? length.getAsLong() > 0 : request.content().hasEntity();
    }

    /** The body as a JSON object: application/json, at most {@value #MAX_BODY_BYTES} bytes, well-formed. */
    private JsonNode jsonBody(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            throw new AdminApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Send the request body as JSON, with Content-Type: application/json.");
        }
        OptionalLong length = request.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        if (!request.content().hasEntity()) {
            bytes = new byte[0];
        } else {
            try (InputStream in = request.content().inputStream()) {
                bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            } catch (IOException e) {
                throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_json", "The request body could not be read.");
            } catch (RequestException e) {
                // Helidon's reader refusing a chunked body over the server's --max-request-bytes, or broken framing
                if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                    throw tooLarge();
                }
                throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_json", "The request body could not be read.");
            }
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        JsonNode body;
        try {
            body = bytes.length == 0 ? null : reader.readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new AdminApiException(Status.BAD_REQUEST_400, "invalid_json",
                    "The request body must be a well-formed JSON object.");
        }
        return body;
    }

    private static AdminApiException tooLarge() {
        return new AdminApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large",
                "The request body must be at most " + MAX_BODY_BYTES / 1024 + " KiB.");
    }

    // --- answers ---------------------------------------------------------------------------------

    @FunctionalInterface
    private interface ApiHandler {
        void handle(ServerRequest request, ServerResponse response);
    }

    /** An API route: no caching, the page's security headers, and every failure answered as JSON here. */
    private void headNotSupported(ServerRequest request, ServerResponse response) {
        securityHeaders(response);
        response.header(HeaderNames.ALLOW, "GET, POST, DELETE");
        response.status(Status.METHOD_NOT_ALLOWED_405).send();
    }

    private Handler api(ApiHandler handler) {
        return (request, response) -> {
            securityHeaders(response);
            try {
                handler.handle(request, response);
            } catch (AdminApiException e) {
                problem(response, e.status(), e.code(), e.getMessage());
            } catch (TokenStoreUnavailableException e) {
                LOG.warning("Admin API " + request.prologue().method().text() + " " + request.path().path()
                        + ": the token store is unavailable (" + e.getMessage() + ")");
                response.header(HeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
                problem(response, Status.SERVICE_UNAVAILABLE_503, "unavailable",
                        "Token management is temporarily unavailable. Try again in a few seconds.");
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Admin API " + request.prologue().method().text() + " " + request.path().path()
                        + " failed; reference " + reference, e);
                problem(response, Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                        "Something went wrong on our side. If it persists, report reference " + reference + ".");
            }
        };
    }

    /** Sent on every response under {@value #ROOT}: never cached, never framed, never sniffed. */
    private static void securityHeaders(ServerResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY);
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(REFERRER_POLICY, "no-referrer");
        response.header(FRAME_OPTIONS, "DENY");
        response.header(OPENER_POLICY, "same-origin");
        response.header(RESOURCE_POLICY, "same-origin");
    }

    private void problem(ServerResponse response, Status status, String code, String message) {
        if (response.isSent()) {
            return;
        }
        send(response, status, json.createObjectNode().put("error", code).put("message", message));
    }

    private static void send(ServerResponse response, Status status, ObjectNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
