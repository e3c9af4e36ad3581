package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The MCP methods of this server: {@code initialize}, {@code ping}, {@code tools/list}, {@code tools/call}, the
 * resource methods and {@code completion/complete} (see {@link McpResources}), the prompts (see {@link McpPrompts})
 * and {@code logging/setLevel}.
 * Transport-free: takes a principal and a request's method and params, gives
 * the result or throws a {@link JsonRpcException}.
 */
final class McpMethods {

    private static final String INSTRUCTIONS = "Read-only access to one organization's Lucent data: issues "
            + "(grouped problems with status and severity), signals (configured matching rules with match counts) "
            + "and insights (findings of the analysis pipeline). Start with summarize_issues or summarize_insights for "
            + "counts and trends, or list_issues, list_signals or list_insights; their defaults answer the common "
            + "questions (most critical unresolved issues, signals matching most over 7 days, insights of the last 7 "
            + "days). Use get_issue, get_signal or get_insight for details. Lists are paginated: pass next_cursor back as cursor with the same arguments. Each issue, signal "
            + "and insight is also a resource: lucent://issues/{id}, lucent://signals/{id}, lucent://insights/{id}.";

    private static final String SERVER_INFO_KEY = "io.modelcontextprotocol/serverInfo";
    /** How long a client may keep what changes only with a new server version: the tool and template catalogue. */
    static final long CATALOGUE_TTL_MS = 300_000;
    /** How long a client may keep an org's data before reading it again: issues change status within minutes. */
    static final long DATA_TTL_MS = 30_000;
    /** The methods of the handshake revisions that 2026-07-28 removed. */
    private static final Set<String> HANDSHAKE_ONLY = Set.of("initialize", "ping", "logging/setLevel");
    private static final Set<String> SINGLE_PAGE_LISTS = Set.of("tools/list", "resources/list",
            "resources/templates/list", "prompts/list");

    private final ObjectMapper json;
    private final ToolCalls tools;
    private final String serverVersion;
    private final AuditLog audit;
    private final McpResources resources;
    private final McpPrompts prompts;

    McpMethods(ObjectMapper json, ToolCalls tools, McpResources resources, McpPrompts prompts, String serverVersion,
               McpTracing tracing) {
        this.json = json;
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
        this.serverVersion = serverVersion;
        this.audit = new AuditLog(json, tracing);
    }

    /**
     * Answers one request of the revision it speaks: 2026-07-28 has no handshake, ping or {@code logging/setLevel},
     * marks every result {@code complete} and names this server in it, and gives the catalogue and data results
     * caching hints, {@code private} because every answer is behind one organization's token.
     */
    ObjectNode call(Principal principal, String method, JsonNode params, RequestRevision.Speaks revision) {
        if (SINGLE_PAGE_LISTS.contains(method)) {
            refuseCursor(method, params);
        }
        if (!revision.perRequestMetadata()) {
            return callWithHandshakeRevision(principal, method, params, revision);
        }
        ObjectNode result = switch (method) {
            case "server/discover" -> discover();
            case "tools/list" -> cacheable(json.createObjectNode().setAll(tools.list()), CATALOGUE_TTL_MS);
            case "tools/call" -> tools.call(principal, params, revision);
            case "resources/list" -> cacheable(resources.list(), DATA_TTL_MS);
            case "resources/templates/list" -> cacheable(resources.templates(), CATALOGUE_TTL_MS);
            case "resources/read" -> cacheable(readResourceAsInvalidParams(principal, params), DATA_TTL_MS);
            case "prompts/list" -> cacheable(prompts.list(), CATALOGUE_TTL_MS);
            case "prompts/get" -> cacheable(prompts.get(params), CATALOGUE_TTL_MS);
            case "completion/complete" -> resources.complete(principal, params);
            default -> throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method
                    + (HANDSHAKE_ONLY.contains(method) ? " is not part of " + revision.version()
                    + "; call server/discover, or send requests directly with _meta" : ""));
        };
        return complete(result);
    }

    private ObjectNode callWithHandshakeRevision(Principal principal, String method, JsonNode params,
                                                RequestRevision.Speaks revision) {
        return switch (method) {
            case "initialize" -> initialize(params);
            case "server/discover" -> complete(discover());
            case "ping" -> json.createObjectNode();
            case "tools/list" -> tools.list();
            case "tools/call" -> tools.call(principal, params, revision);
            case "resources/list" -> resources.list();
            case "resources/templates/list" -> resources.templates();
            case "resources/read" -> readResource(principal, params);
            case "prompts/list" -> prompts.list();
            case "prompts/get" -> prompts.get(params);
            case "completion/complete" -> resources.complete(principal, params);
            case "logging/setLevel" -> setLevel(params);
            default -> throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    /**
     * The lists that fit one page and so issue no cursor: a cursor sent to them cannot be one of ours, and ignoring it
     * would answer a question the client did not ask.
     */
    private static void refuseCursor(String method, JsonNode params) {
        if (params != null && params.has("cursor")) {
            throw JsonRpcException.invalidParams("Invalid cursor: " + method + " returns everything on one page and "
                    + "issued no cursor; call it without one");
        }
    }

    /** {@code server/discover} (2026-07-28), answered whatever revision asks: it is harmless and tells the most. */
    private ObjectNode discover() {
        ObjectNode result = json.createObjectNode();
        ProtocolVersion.SUPPORTED.forEach(result.putArray("supportedVersions")::add);
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("resources").put("listChanged", false);
        capabilities.putObject("prompts").put("listChanged", false);
        capabilities.putObject("completions");
        result.put("instructions", INSTRUCTIONS);
        return cacheable(result, CATALOGUE_TTL_MS);
    }

    private ObjectNode cacheable(ObjectNode result, long ttlMs) {
        return result.put("ttlMs", ttlMs).put("cacheScope", "private");
    }

    private ObjectNode complete(ObjectNode result) {
        result.put("resultType", "complete");
        result.putObject("_meta").set(SERVER_INFO_KEY, serverInfo());
        return result;
    }

    private ObjectNode serverInfo() {
        return json.createObjectNode()
                .put("name", "lucent-mcp")
                .put("title", "Lucent")
                .put("version", serverVersion);
    }

    /** 2026-07-28 answers a resource that does not exist with -32602; earlier revisions used -32002. */
    private ObjectNode readResourceAsInvalidParams(Principal principal, JsonNode params) {
        try {
            return readResource(principal, params);
        } catch (JsonRpcException e) {
            if (e.code() != JsonRpcException.RESOURCE_NOT_FOUND) {
                throw e;
            }
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, e.getMessage(), e.data().orElse(null));
        }
    }

    private ObjectNode initialize(JsonNode params) {
        JsonNode requested = params == null ? null : params.get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw JsonRpcException.invalidParams("initialize requires params.protocolVersion, a string");
        }
        ObjectNode result = json.createObjectNode()
                .put("protocolVersion", ProtocolVersion.negotiate(Optional.of(requested.textValue())));
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("resources").put("subscribe", false).put("listChanged", false);
        capabilities.putObject("prompts").put("listChanged", false);
        capabilities.putObject("completions");
        capabilities.putObject("logging");
        result.set("serverInfo", serverInfo());
        return result.put("instructions", INSTRUCTIONS);
    }

    /** Reads a resource, writing an audit line like a tool call's. */
    private ObjectNode readResource(Principal principal, JsonNode params) {
        long started = System.nanoTime();
        ToolOutcome outcome = ToolOutcome.ERROR;
        try {
            ObjectNode result = resources.read(principal, params);
            outcome = ToolOutcome.OK;
            return result;
        } catch (JsonRpcException e) {
            outcome = switch (e.code()) {
                case JsonRpcException.RESOURCE_NOT_FOUND -> ToolOutcome.NOT_FOUND;
                case JsonRpcException.INTERNAL_ERROR -> ToolOutcome.BACKEND_UNAVAILABLE;
                default -> ToolOutcome.INVALID_ARGUMENTS;
            };
            throw e;
        } finally {
            // Only a URI this server serves is logged: anything else is the client's text, not echoed.
            String uri = outcome == ToolOutcome.INVALID_ARGUMENTS || outcome == ToolOutcome.ERROR
                    ? null : params.get("uri").textValue();
            audit.record(AuditLog.Event.RESOURCE_READ, principal, uri, outcome, System.nanoTime() - started);
        }
    }

    /**
     * Accepts a valid level and changes nothing: over this stateless transport (no session, no server-to-client
     * stream) the server sends no {@code notifications/message}, so there is no log stream to filter. Advertised
     * because clients call it after {@code initialize}; an invalid level is still -32602.
     */
    private ObjectNode setLevel(JsonNode params) {
        JsonNode level = params == null ? null : params.get("level");
        if (level == null || !level.isTextual() || !RequestRevision.LOG_LEVELS.contains(level.textValue())) {
            throw JsonRpcException.invalidParams("logging/setLevel requires params.level, one of "
                    + String.join(", ", RequestRevision.LOG_LEVELS));
        }
        return json.createObjectNode();
    }
}
