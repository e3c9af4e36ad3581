package com.lucenthq.mcp.adapters.oauth;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.oauth.AuthorizationCheck;
import com.lucenthq.mcp.application.port.in.oauth.AuthorizationRequest;
import com.lucenthq.mcp.application.port.in.oauth.ClientRegistrationRequest;
import com.lucenthq.mcp.application.port.in.oauth.OAuthError;
import com.lucenthq.mcp.application.port.in.oauth.RegistrationResult;
import com.lucenthq.mcp.application.port.in.oauth.TokenRequest;
import com.lucenthq.mcp.application.port.in.oauth.TokenResult;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authorization server's endpoints: RFC 8414 metadata (also at the OpenID discovery path, which MCP clients
 * try), RFC 7591 registration, the authorization endpoint, the token endpoint and RFC 7009 revocation. The
 * authorization endpoint only checks the request: a valid one goes on to the consent screen of the settings page,
 * where the admin session lives. No secret (code, token) is ever logged or put in a message.
 */
public final class OAuthHttpService implements HttpService {

    static final String AUTHORIZATION_SERVER_METADATA_PATH = "/.well-known/oauth-authorization-server";
    static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(OAuthHttpService.class.getName());
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HeaderName ALLOW_ORIGIN = HeaderNames.create("Access-Control-Allow-Origin");
    private static final HeaderName ALLOW_METHODS = HeaderNames.create("Access-Control-Allow-Methods");
    private static final HeaderName ALLOW_HEADERS = HeaderNames.create("Access-Control-Allow-Headers");
    private static final HeaderName MAX_AGE = HeaderNames.create("Access-Control-Max-Age");
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName PRAGMA = HeaderNames.create("Pragma");

    private final OAuthUseCases useCases;
    private final OAuthHttpConfig config;
    private final RegistrationLimiter registrations;
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final byte[] metadata;

    public OAuthHttpService(OAuthUseCases useCases, OAuthHttpConfig config) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.config = Objects.requireNonNull(config, "config");
        this.registrations = new RegistrationLimiter(config.registrationsPerHour(), OAuthHttpConfig.REGISTRATION_WINDOW,
                System::nanoTime);
        this.metadata = renderMetadata();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(AUTHORIZATION_SERVER_METADATA_PATH, this::metadata)
                .get(OPENID_CONFIGURATION_PATH, this::metadata)
                .options(AUTHORIZATION_SERVER_METADATA_PATH, this::preflight)
                .options(OPENID_CONFIGURATION_PATH, this::preflight)
                .get(OAuthHttpConfig.AUTHORIZE_PATH, guarded(this::authorize))
                .post(OAuthHttpConfig.REGISTER_PATH, guarded(this::register))
                .options(OAuthHttpConfig.REGISTER_PATH, this::preflight)
                .post(OAuthHttpConfig.TOKEN_PATH, guarded(this::token))
                .options(OAuthHttpConfig.TOKEN_PATH, this::preflight)
                .post(OAuthHttpConfig.REVOKE_PATH, guarded(this::revoke))
                .options(OAuthHttpConfig.REVOKE_PATH, this::preflight);
    }

    // --- metadata ---------------------------------------------------------------------------------

    private byte[] renderMetadata() {
        ObjectNode document = json.createObjectNode()
                .put("issuer", config.issuer().toString())
                .put("authorization_endpoint", config.url(OAuthHttpConfig.AUTHORIZE_PATH))
                .put("token_endpoint", config.url(OAuthHttpConfig.TOKEN_PATH))
                .put("registration_endpoint", config.url(OAuthHttpConfig.REGISTER_PATH))
                .put("revocation_endpoint", config.url(OAuthHttpConfig.REVOKE_PATH));
        document.putArray("response_types_supported").add("code");
        document.putArray("response_modes_supported").add("query");
        document.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        document.putArray("code_challenge_methods_supported").add("S256");
        document.putArray("token_endpoint_auth_methods_supported").add("none");
        document.putArray("revocation_endpoint_auth_methods_supported").add("none");
        document.putArray("scopes_supported").add(OAuthScope.MCP_READ);
        document.put("client_id_metadata_document_supported", true);
        document.put("authorization_response_iss_parameter_supported", true);
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void metadata(ServerRequest request, ServerResponse response) {
        response.header(ALLOW_ORIGIN, "*");
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(metadata);
    }

    /** Browser-based clients (e.g. MCP Inspector) call these endpoints cross-origin; none of them uses cookies. */
    private void preflight(ServerRequest request, ServerResponse response) {
        response.header(ALLOW_ORIGIN, "*");
        response.header(ALLOW_METHODS, "GET, POST, OPTIONS");
        response.header(ALLOW_HEADERS, "Content-Type, Authorization, MCP-Protocol-Version");
        response.header(MAX_AGE, "86400");
        response.status(Status.NO_CONTENT_204).send();
    }

    // --- authorization endpoint ---------------------------------------------------------------------

    private void authorize(ServerRequest request, ServerResponse response) {
        String rawQuery = request.query().rawValue();
        Optional<FormParameters> parsed = FormParameters.parse(rawQuery);
        if (parsed.isEmpty()) {
            errorPage(response, "The authorization request is malformed: a parameter is repeated or badly escaped.");
            return;
        }
        FormParameters query = parsed.get();
        AuthorizationRequest authorization = new AuthorizationRequest(query.get("response_type"), query.get("client_id"),
                query.get("redirect_uri"), query.get("state"), query.get("code_challenge"),
                query.get("code_challenge_method"), query.get("resource"), query.get("scope"));
        switch (useCases.checkAuthorization().check(authorization)) {
            case AuthorizationCheck.Valid valid -> redirect(response, URI.create(config.consentPath() + "?" + rawQuery));
            case AuthorizationCheck.RedirectError error -> redirect(response, error.location());
            case AuthorizationCheck.NotRedirectable error -> errorPage(response, error.description());
        }
    }

    private static void redirect(ServerResponse response, URI location) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.LOCATION, location.toString());
        response.status(Status.SEE_OTHER_303).send();
    }

    /** A request we must not redirect (unknown client or redirect URI): the person sees why, in plain text. */
    private static void errorPage(ServerResponse response, String description) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.status(Status.BAD_REQUEST_400);
        response.send(("This authorization request cannot be completed: " + description
                + "\nReturn to the application and try connecting again.\n").getBytes(StandardCharsets.UTF_8));
    }

    // --- registration ---------------------------------------------------------------------------------

    private void register(ServerRequest request, ServerResponse response) {
        response.header(ALLOW_ORIGIN, "*");
        String address = clientAddress(request);
        if (!registrations.tryAcquire(address)) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(registrations.retryAfterSeconds(address)));
            error(response, Status.TOO_MANY_REQUESTS_429, "too_many_requests",
                    "Too many client registrations from this address; retry later.");
            return;
        }
        if (!mediaType(request).equals(JSON)) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_CLIENT_METADATA.code(),
                    "Send the client metadata as JSON, with Content-Type: application/json.");
            return;
        }
        Optional<JsonNode> body = body(request).flatMap(this::jsonObject);
        if (body.isEmpty()) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_CLIENT_METADATA.code(),
                    "The request body must be a JSON object of at most " + MAX_BODY_BYTES / 1024 + " KiB.");
            return;
        }
        Optional<ClientRegistrationRequest> registration = registrationRequest(body.get());
        if (registration.isEmpty()) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_CLIENT_METADATA.code(),
                    "redirect_uris, grant_types and response_types must be arrays of strings; client_name and "
                            + "token_endpoint_auth_method strings.");
            return;
        }
        switch (useCases.register().register(registration.get())) {
            case RegistrationResult.Registered registered -> {
                LOG.info(() -> "Registered OAuth client " + registered.client().id() + " dynamically");
                response.header(HeaderNames.CACHE_CONTROL, "no-store");
                send(response, Status.CREATED_201, registrationResponse(registered.client()));
            }
            case RegistrationResult.Invalid invalid -> error(response, Status.BAD_REQUEST_400, invalid.error().code(),
                    invalid.description());
        }
    }

    private static Optional<ClientRegistrationRequest> registrationRequest(JsonNode body) {
        Optional<List<String>> redirectUris = strings(body.get("redirect_uris"));
        Optional<List<String>> grantTypes = strings(body.get("grant_types"));
        Optional<List<String>> responseTypes = strings(body.get("response_types"));
        JsonNode name = body.get("client_name");
        JsonNode authMethod = body.get("token_endpoint_auth_method");
        if (redirectUris.isEmpty() || grantTypes.isEmpty() || responseTypes.isEmpty() || !isStringOrAbsent(name)
                || !isStringOrAbsent(authMethod)) {
            return Optional.empty();
        }
        return Optional.of(new ClientRegistrationRequest(redirectUris.get(), textOrNull(name), textOrNull(authMethod),
                grantTypes.get(), responseTypes.get()));
    }

    private ObjectNode registrationResponse(OAuthClient client) {
        ObjectNode reply = json.createObjectNode()
                .put("client_id", client.id().value())
                .put("client_id_issued_at", client.createdAt().getEpochSecond())
                .put("client_name", client.name().value())
                .put("token_endpoint_auth_method", "none");
        ArrayNode uris = reply.putArray("redirect_uris");
        client.redirectUris().stream().map(RedirectUri::value).forEach(uris::add);
        reply.putArray("grant_types").add("authorization_code").add("refresh_token");
        reply.putArray("response_types").add("code");
        reply.put("scope", OAuthScope.MCP_READ);
        return reply;
    }

    // --- token endpoint -------------------------------------------------------------------------------------

    private void token(ServerRequest request, ServerResponse response) {
        response.header(ALLOW_ORIGIN, "*");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(PRAGMA, "no-cache");
        Optional<FormParameters> form = form(request, response);
        if (form.isEmpty()) {
            return;
        }
        FormParameters parameters = form.get();
        if (request.headers().contains(HeaderNames.AUTHORIZATION)) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + config.issuer() + "\"");
            error(response, Status.UNAUTHORIZED_401, OAuthError.INVALID_CLIENT.code(),
                    "Clients here are public: send client_id in the body and no Authorization header.");
            return;
        }
        TokenRequest tokenRequest = new TokenRequest(parameters.get("grant_type"), parameters.get("client_id"),
                parameters.get("code"), parameters.get("redirect_uri"), parameters.get("code_verifier"),
                parameters.get("refresh_token"), parameters.get("resource"));
        switch (useCases.exchange().exchange(tokenRequest)) {
            case TokenResult.Issued issued -> send(response, Status.OK_200, json.createObjectNode()
                    .put("access_token", issued.accessToken().reveal())
                    .put("token_type", "Bearer")
                    .put("expires_in", issued.expiresIn().toSeconds())
                    .put("refresh_token", issued.refreshToken().reveal())
                    .put("scope", issued.scope()));
            case TokenResult.Refused refused -> {
                LOG.info(() -> "Refused a token request: " + refused.error().code());
                error(response, Status.BAD_REQUEST_400, refused.error().code(), refused.description());
            }
        }
    }

    private void revoke(ServerRequest request, ServerResponse response) {
        response.header(ALLOW_ORIGIN, "*");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Optional<FormParameters> form = form(request, response);
        if (form.isEmpty()) {
            return;
        }
        String token = form.get().get("token");
        if (token == null) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST.code(), "token is required.");
            return;
        }
        useCases.revoke().revoke(token);
        // RFC 7009 §2.2: the same answer whether or not the token was known.
        response.status(Status.OK_200).send();
    }

    /** The form body of a token or revocation request, or empty with the error already sent. */
    private Optional<FormParameters> form(ServerRequest request, ServerResponse response) {
        if (!mediaType(request).equals(FORM)) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST.code(),
                    "Send the parameters form-encoded, with Content-Type: application/x-www-form-urlencoded.");
            return Optional.empty();
        }
        Optional<FormParameters> form = body(request)
                .flatMap(bytes -> FormParameters.parse(new String(bytes, StandardCharsets.UTF_8)));
        if (form.isEmpty()) {
            error(response, Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST.code(),
                    "The body must be at most " + MAX_BODY_BYTES / 1024 + " KiB of form parameters, none repeated.");
        }
        return form;
    }

    // --- plumbing ----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface OAuthHandler {
        void handle(ServerRequest request, ServerResponse response);
    }

    /** Every failure of the store becomes a 503 and anything unexpected a 500 with a reference, never a stack trace. */
    private Handler guarded(OAuthHandler handler) {
        return (request, response) -> {
            try {
                handler.handle(request, response);
            } catch (TokenStoreUnavailableException e) {
                LOG.warning("OAuth " + request.path().path() + ": the token store is unavailable (" + e.getMessage() + ")");
                response.header(HeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
                error(response, Status.SERVICE_UNAVAILABLE_503, OAuthError.TEMPORARILY_UNAVAILABLE.code(),
                        "The authorization server is temporarily unavailable. Try again in a few seconds.");
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "OAuth " + request.path().path() + " failed; reference " + reference, e);
                error(response, Status.INTERNAL_SERVER_ERROR_500, "server_error",
                        "Something went wrong on our side. If it persists, report reference " + reference + ".");
            }
        };
    }

    private static String mediaType(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The body, at most {@value #MAX_BODY_BYTES} bytes; empty when larger or unreadable. */
    private static Optional<byte[]> body(ServerRequest request) {
        OptionalLong length = request.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        if (!request.content().hasEntity()) {
            return Optional.of(new byte[0]);
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> jsonObject(byte[] bytes) {
        try {
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(List.of());
        }
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return Optional.empty();
            }
            values.add(element.textValue());
        }
        return Optional.of(values);
    }

    private static boolean isStringOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static String clientAddress(ServerRequest request) {
        return request.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress().getHostAddress() : "unknown";
    }

    private void error(ServerResponse response, Status status, String code, String description) {
        if (response.isSent()) {
            return;
        }
        send(response, status, json.createObjectNode().put("error", code).put("error_description", description));
    }

    private static void send(ServerResponse response, Status status, ObjectNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
