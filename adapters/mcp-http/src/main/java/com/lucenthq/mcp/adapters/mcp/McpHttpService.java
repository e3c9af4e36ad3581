package com.lucenthq.mcp.adapters.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP streamable HTTP endpoint at {@value McpHttpConfig#MCP_PATH} (stateless: no sessions, any
 * replica answers any request), the RFC 9728 protected-resource metadata, and a clear answer on
 * the legacy SSE paths.
 */
public final class McpHttpService implements HttpService {

    private static final Logger LOG = Logger.getLogger(McpHttpService.class.getName());

    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName MCP_METHOD = HeaderNames.create("Mcp-Method");
    static final HeaderName MCP_NAME = HeaderNames.create("Mcp-Name");
    private static final HeaderName ACCEL_BUFFERING = HeaderNames.create("X-Accel-Buffering");
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final byte[] EVENT_PREFIX = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int RETRY_AFTER_SECONDS = 5;
    /** Messages in one 2025-03-26 batch at most: the rate limits count HTTP requests, not the messages inside. */
    static final int MAX_BATCH = 20;

    private final McpUseCases useCases;
    private final McpHttpConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final McpMethods methods;
    private final McpMetrics metrics;
    private final RateLimiter<TokenId> perToken;
    private final RateLimiter<ClientAddress> perAddress;
    private final RateLimiter<ClientAddress> failedAuthPerAddress;
    private final byte[] resourceMetadata;

    /** Records metrics in {@code meters}: pass the registry that the operations endpoint scrapes. */
    public McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters) {
        this(useCases, config, serverVersion, meters, Ticker.SYSTEM);
    }

    /** With the rate limiters' time source, so that tests can refill buckets without sleeping. */
    McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters, Ticker ticker) {
        this.useCases = useCases;
        this.config = config;
        this.metrics = new McpMetrics(meters);
        ResultBudget budget = new ResultBudget(config.maxResultBytes());
        this.methods = new McpMethods(json, List.of(
                new ListIssuesTool(useCases.listIssues(), budget),
                new GetIssueTool(useCases.getIssue()),
                new ListSignalsTool(useCases.listSignals(), budget),
                new GetSignalTool(useCases.getSignal()),
                new ListInsightsTool(useCases.listInsights(), budget),
                new GetInsightTool(useCases.getInsight())), new McpResources(json, useCases), serverVersion, metrics);
        RateLimits limits = config.rateLimits();
        this.perToken = new RateLimiter<>("per token", limits.perToken(), limits.maxTrackedKeys(), ticker);
        this.perAddress = new RateLimiter<>("per address", limits.perAddress(), limits.maxTrackedKeys(), ticker);
        this.failedAuthPerAddress = new RateLimiter<>("failed authentication per address",
                limits.failedAuthPerAddress(), limits.maxTrackedKeys(), ticker);
        this.resourceMetadata = renderResourceMetadata();
    }

    @Override
    public void routing(HttpRules rules) {
        // HEAD first: an answer to HEAD must carry no body, or a reused connection reads it as the next response.
        rules.head(McpHttpConfig.MCP_PATH, (request, response) -> withoutBody(response, Status.METHOD_NOT_ALLOWED_405, "POST"))
                .head(McpHttpConfig.RESOURCE_METADATA_PATH, (request, response) ->
                        withoutBody(response, Status.METHOD_NOT_ALLOWED_405, "GET"))
                .head(McpHttpConfig.RESOURCE_METADATA_PATH + McpHttpConfig.MCP_PATH, (request, response) ->
                        withoutBody(response, Status.METHOD_NOT_ALLOWED_405, "GET"))
                .head("/api/sse", (request, response) -> withoutBody(response, Status.GONE_410, null))
                .head("/api/message", (request, response) -> withoutBody(response, Status.GONE_410, null));
        rules.post(McpHttpConfig.MCP_PATH, measured(this::post))
                .any(McpHttpConfig.MCP_PATH, measured(this::otherMethod))
                .get(McpHttpConfig.RESOURCE_METADATA_PATH, this::resourceMetadata)
                .get(McpHttpConfig.RESOURCE_METADATA_PATH + McpHttpConfig.MCP_PATH, this::resourceMetadata)
                .any("/api/sse", this::legacySse)
                .any("/api/message", this::legacySse);
    }

    private void post(ServerRequest request, ServerResponse response) {
        Optional<Principal> principal = admit(request, response);
        if (principal.isEmpty()) {
            return;
        }
        Optional<ResponseFormat> format = ResponseFormat.accepted(request.headers().all(HeaderNames.ACCEPT, List::of));
        if (format.isEmpty()) {
            plain(response, Status.NOT_ACCEPTABLE_406, "The MCP endpoint answers with application/json or "
                    + "text/event-stream; send Accept: application/json, text/event-stream.");
            return;
        }
        Optional<String> version = request.headers().first(PROTOCOL_VERSION);
        if (!request.content().hasEntity()) {
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.PARSE_ERROR, "Parse error: the body is empty");
            return;
        }
        JsonNode message;
        try {
            // Parsed from the stream: reading it into an array first allocates 16 KiB or more, whatever the size.
            message = json.readTree(request.content().inputStream());
        } catch (JsonProcessingException e) {
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.PARSE_ERROR, "Parse error: the body is not valid JSON");
            return;
        } catch (java.io.IOException e) {
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.PARSE_ERROR, "Parse error: the body could not be read");
            return;
        } catch (RequestException e) {
            throw e; // Helidon's own answer, e.g. 413 for a body over the limit
        } catch (RuntimeException e) {
            // Helidon's chunked-body reader fails this way on broken framing (a chunk size that is not hex, a chunk
            // cut short); the framing of the rest of the connection is then unknown, so it is closed after this answer.
            response.header(HeaderNames.CONNECTION, "close");
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.PARSE_ERROR,
                    "Parse error: the chunked body is malformed");
            return;
        }
        RequestRevision.MirroredHeaders mirrored = new RequestRevision.MirroredHeaders(version,
                request.headers().first(MCP_METHOD), request.headers().first(MCP_NAME));
        answer(principal.get(), message, mirrored, format.get(), response);
    }

    private void answer(Principal principal, JsonNode message, RequestRevision.MirroredHeaders headers,
                        ResponseFormat format, ServerResponse response) {
        if (message != null && message.isArray()) {
            answerBatch(principal, message, headers, format, response);
            return;
        }
        Reply reply = reply(principal, message, headers);
        if (reply.body() == null) {
            response.status(Status.ACCEPTED_202).send();
        } else if (format == ResponseFormat.EVENT_STREAM && reply.status() == Status.OK_200) {
            sendEvent(response, reply.body());
        } else {
            send(response, reply.status(), reply.body());
        }
    }

    /**
     * A JSON-RPC batch, which only 2025-03-26 has (later revisions removed batching): each message is answered as if
     * sent alone, the answers to its requests come back as one array, and a batch of notifications and responses
     * only is accepted with 202.
     */
    private void answerBatch(Principal principal, JsonNode batch, RequestRevision.MirroredHeaders headers,
                             ResponseFormat format, ServerResponse response) {
        if (!(RequestRevision.byHeader(headers) instanceof RequestRevision.Speaks speaks
                && speaks.version().equals(ProtocolVersion.WITH_BATCHES))) {
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.INVALID_REQUEST, "Invalid Request: "
                    + "JSON-RPC batches exist only in " + ProtocolVersion.WITH_BATCHES + "; send one message per request");
            return;
        }
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            error(response, Status.BAD_REQUEST_400, null, JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: a batch holds 1 to " + MAX_BATCH + " messages");
            return;
        }
        ArrayNode answers = json.createArrayNode();
        for (JsonNode message : batch) {
            Reply reply = "initialize".equals(message.path("method").textValue())
                    ? errorReply(Status.OK_200, validIdOrNull(message.get("id")), JsonRpcException.INVALID_REQUEST,
                            "Invalid Request: initialize must not be part of a batch", null)
                    : reply(principal, message, headers);
            if (reply.body() != null) {
                answers.add(reply.body());
            }
        }
        if (answers.isEmpty()) {
            response.status(Status.ACCEPTED_202).send();
        } else if (format == ResponseFormat.EVENT_STREAM) {
            sendEvent(response, answers);
        } else {
            send(response, Status.OK_200, answers);
        }
    }

    /** The answer to one message: no body for a notification or a response; the status it would have alone. */
    private record Reply(Status status, ObjectNode body) {

        static final Reply NONE = new Reply(Status.ACCEPTED_202, null);
    }

    private Reply reply(Principal principal, JsonNode message, RequestRevision.MirroredHeaders headers) {
        if (message == null || !message.isObject()) {
            return errorReply(Status.BAD_REQUEST_400, null, JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC message must be a JSON object", null);
        }
        JsonNode id = message.get("id");
        if (!"2.0".equals(message.path("jsonrpc").textValue())) {
            return errorReply(Status.BAD_REQUEST_400, validIdOrNull(id), JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: jsonrpc must be \"2.0\"", null);
        }
        JsonNode method = message.get("method");
        boolean isResponse = method == null && id != null && (message.has("result") || message.has("error"));
        boolean isNotification = method != null && method.isTextual() && id == null;
        if (isResponse || isNotification) {
            return RequestRevision.byHeader(headers) instanceof RequestRevision.Refused refused
                    ? refusal(null, refused) : Reply.NONE;
        }
        if (method == null || !method.isTextual() || validIdOrNull(id) == null) {
            return errorReply(Status.BAD_REQUEST_400, validIdOrNull(id), JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: a request needs a string method and a string or integer id", null);
        }
        JsonNode params = message.get("params");
        RequestRevision.Speaks revision;
        switch (RequestRevision.of(headers, method.textValue(), params)) {
            case RequestRevision.Refused refused -> {
                return refusal(id, refused);
            }
            case RequestRevision.Speaks speaks -> revision = speaks;
        }
        try {
            ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0");
            reply.set("id", id);
            reply.set("result", methods.call(principal, method.textValue(), params, revision));
            return new Reply(Status.OK_200, reply);
        } catch (JsonRpcException e) {
            // 2026-07-28 answers an unknown method with 404, so that a client can tell it from a legacy server.
            Status status = e.code() == JsonRpcException.METHOD_NOT_FOUND && revision.perRequestMetadata()
                    ? Status.NOT_FOUND_404 : Status.OK_200;
            return errorReply(status, id, e.code(), e.getMessage(), e.data().orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MCP method " + method.textValue() + " failed", e);
            return errorReply(Status.OK_200, id, JsonRpcException.INTERNAL_ERROR, "Internal error", null);
        }
    }

    private Reply refusal(JsonNode id, RequestRevision.Refused refused) {
        return errorReply(Status.BAD_REQUEST_400, validIdOrNull(id), refused.code(), refused.message(), refused.data());
    }

    private Reply errorReply(Status status, JsonNode id, int code, String message, JsonNode data) {
        ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", id);
        ObjectNode error = reply.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return new Reply(status, reply);
    }

    private void otherMethod(ServerRequest request, ServerResponse response) {
        if (admit(request, response).isEmpty()) {
            return;
        }
        // Stateless: no server-initiated stream to GET and no session to DELETE.
        response.header(HeaderNames.ALLOW, "POST");
        plain(response, Status.METHOD_NOT_ALLOWED_405,
                "This MCP endpoint is stateless: send JSON-RPC messages with POST. It offers no SSE stream and no sessions.");
    }

    /** Counts and times every request to the MCP endpoint, whatever answered it. */
    private Handler measured(Handler handler) {
        return (request, response) -> {
            long started = System.nanoTime();
            int status = Status.INTERNAL_SERVER_ERROR_500.code();
            try {
                handler.handle(request, response);
                status = response.status().code();
            } catch (RequestException e) {
                // e.g. 413 for a body found too large while being read; Helidon answers with this status
                status = e.status().code();
                throw e;
            } finally {
                metrics.request(request.prologue().method().text(), status, System.nanoTime() - started);
            }
        };
    }

    /**
     * Applies the rate limits and checks the origin and the bearer token. On failure the response has been sent and
     * the result is empty. A valid token is never answered with 401: clients switch to an OAuth flow on any 401.
     */
    private Optional<Principal> admit(ServerRequest request, ServerResponse response) {
        ClientAddress address = ClientAddress.of(request.remotePeer().address());
        long wait = perAddress.acquire(address);
        if (wait > 0) {
            return tooManyRequests(response, McpMetrics.Limit.ADDRESS, wait);
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !originAllowed(origin.get())) {
            plain(response, Status.FORBIDDEN_403, "Origin " + origin.get() + " is not allowed to call this MCP server.");
            return Optional.empty();
        }
        // Checked before the token store is asked, so that guessing costs the guesser time and the store nothing.
        wait = failedAuthPerAddress.waitFor(address);
        if (wait > 0) {
            metrics.authFailure(McpMetrics.AuthFailure.RATE_LIMITED);
            return tooManyRequests(response, McpMetrics.Limit.FAILED_AUTH, wait);
        }
        List<String> authorization = request.headers().all(HeaderNames.AUTHORIZATION, List::of);
        AuthenticationResult result;
        try {
            result = BearerCredentials.from(authorization)
                    .map(this::authenticate)
                    .orElseGet(AuthenticationResult.Missing::new);
        } catch (TokenStoreUnavailableException e) {
            LOG.log(Level.WARNING, "Token store unavailable: " + e.getMessage());
            metrics.authFailure(McpMetrics.AuthFailure.STORE_UNAVAILABLE);
            response.header(HeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            plain(response, Status.SERVICE_UNAVAILABLE_503,
                    "Authentication is temporarily unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds.");
            return Optional.empty();
        }
        // Only presented credentials count: a request without one guesses nothing, and clients probe without one.
        if (!(result instanceof AuthenticationResult.Authenticated) && !authorization.isEmpty()) {
            failedAuthPerAddress.acquire(address);
        }
        return switch (result) {
            case AuthenticationResult.Authenticated authenticated -> withinTokenLimit(response, authenticated.principal());
            case AuthenticationResult.Missing missing -> unauthorized(response, McpMetrics.AuthFailure.MISSING,
                    authorization.isEmpty() ? null : "Send exactly one Authorization: Bearer luc_mcp_... header");
            case AuthenticationResult.Malformed malformed -> unauthorized(response, McpMetrics.AuthFailure.MALFORMED,
                    "The token is malformed: it must be the full luc_mcp_... value, without spaces");
            case AuthenticationResult.Unknown unknown ->
                    unauthorized(response, McpMetrics.AuthFailure.UNKNOWN, "The token is not valid");
            case AuthenticationResult.Revoked revoked ->
                    unauthorized(response, McpMetrics.AuthFailure.REVOKED, "The token was revoked");
            case AuthenticationResult.Expired expired ->
                    unauthorized(response, McpMetrics.AuthFailure.EXPIRED, "The token has expired");
        };
    }

    private AuthenticationResult authenticate(String presented) {
        long started = System.nanoTime();
        try {
            return useCases.authenticate().authenticate(presented);
        } finally {
            metrics.authentication(System.nanoTime() - started);
        }
    }

    private Optional<Principal> withinTokenLimit(ServerResponse response, Principal principal) {
        long wait = perToken.acquire(principal.tokenId());
        return wait > 0 ? tooManyRequests(response, McpMetrics.Limit.TOKEN, wait) : Optional.of(principal);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so that a client retrying then is admitted. */
    private Optional<Principal> tooManyRequests(ServerResponse response, McpMetrics.Limit limit, long waitNanos) {
        metrics.rateLimited(limit);
        long seconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        plain(response, Status.TOO_MANY_REQUESTS_429, switch (limit) {
            case TOKEN -> "Too many requests with this token";
            case ADDRESS -> "Too many requests from this address";
            case FAILED_AUTH -> "Too many failed authentications from this address";
        } + "; retry in " + seconds + " seconds.");
        return Optional.empty();
    }

    /** 401 with the RFC 9728 pointer; {@code error="invalid_token"} only when a credential was sent. */
    private Optional<Principal> unauthorized(ServerResponse response, McpMetrics.AuthFailure reason,
                                             String invalidTokenReason) {
        metrics.authFailure(reason);
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
                .append(config.resourceMetadataUrl()).append("\", scope=\"").append(OAuthScope.MCP_READ).append('"');
        if (invalidTokenReason != null) {
            challenge.append(", error=\"invalid_token\", error_description=\"").append(invalidTokenReason).append('"');
        }
        response.header(HeaderNames.WWW_AUTHENTICATE, challenge.toString());
        plain(response, Status.UNAUTHORIZED_401, invalidTokenReason == null
                ? "Missing bearer token: send Authorization: Bearer luc_mcp_… (create one in Organization settings → MCP)."
                : invalidTokenReason + ".");
        return Optional.empty();
    }

    private boolean originAllowed(String origin) {
        return origin.equals(config.ownOrigin()) || config.allowedOrigins().contains(origin);
    }

    private void resourceMetadata(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        response.send(resourceMetadata);
    }

    private byte[] renderResourceMetadata() {
        ObjectNode metadata = json.createObjectNode().put("resource", config.mcpUrl());
        config.authorizationServers().forEach(server -> metadata.withArray("authorization_servers").add(server.toString()));
        metadata.putArray("bearer_methods_supported").add("header");
        metadata.putArray("scopes_supported").add(OAuthScope.MCP_READ);
        metadata.put("resource_name", "Lucent MCP");
        metadata.put("resource_documentation", config.documentationUrl().toString());
        return SerializedJson.of(metadata).utf8();
    }

    private void legacySse(ServerRequest request, ServerResponse response) {
        plain(response, Status.GONE_410, "The legacy HTTP+SSE transport (/api/sse, /api/message) is not supported. "
                + "Use the streamable HTTP transport at " + config.mcpUrl() + " (for example: claude mcp add --transport http "
                + "lucent " + config.mcpUrl() + "), upgrade your client, or use mcp-remote as a proxy.");
    }

    private void error(ServerResponse response, Status status, JsonNode id, int code, String message) {
        Reply reply = errorReply(status, id, code, message, null);
        send(response, reply.status(), reply.body());
    }

    private void send(ServerResponse response, Status status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(SerializedJson.of(body).utf8());
    }

    /** One JSON-RPC response as a one-event stream, for a client that accepts only {@code text/event-stream}. */
    private void sendEvent(ServerResponse response, JsonNode reply) {
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, EVENT_STREAM);
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        response.header(ACCEL_BUFFERING, "no");
        byte[] data = SerializedJson.of(reply).utf8();
        byte[] event = new byte[EVENT_PREFIX.length + data.length + EVENT_SUFFIX.length];
        System.arraycopy(EVENT_PREFIX, 0, event, 0, EVENT_PREFIX.length);
        System.arraycopy(data, 0, event, EVENT_PREFIX.length, data.length);
        System.arraycopy(EVENT_SUFFIX, 0, event, EVENT_PREFIX.length + data.length, EVENT_SUFFIX.length);
        response.send(event);
    }

    /** A status, and the methods to use instead when there are any, with no entity at all. */
    static void withoutBody(ServerResponse response, Status status, String allow) {
        if (allow != null) {
            response.header(HeaderNames.ALLOW, allow);
        }
        response.status(status).send();
    }

    private static void plain(ServerResponse response, Status status, String message) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(message);
    }

    private static JsonNode validIdOrNull(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }
}
