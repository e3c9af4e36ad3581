package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.tools.DomainJson;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.adapters.mcp.tools.SerializedJson;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * MCP resources: every issue, signal and insight of the principal's org is readable as
 * {@code lucent://<kind>/<id>}, with the same JSON as {@code get_issue}, {@code get_signal} and
 * {@code get_insight}. Nothing is enumerated statically ({@code resources/list} is empty); the three URI templates
 * and {@code completion/complete} on their {@code id} lead to them. Read-only, and scoped to the principal's org
 * exactly like the tools: the org comes from the principal, never from the URI.
 */
final class McpResources {

    /** How many ids a completion offers at most. */
    static final int MAX_COMPLETIONS = 10;
    /** Completion looks among the first page, this size, of the matching list: the most relevant ids. */
    static final int COMPLETION_POOL = Limit.MAX;

    private static final Pattern URI_FORM = Pattern.compile("lucent://([a-z]+)/([^/?#]+)");

    /** One kind of resource: its URI template and how to read one by id. */
    private record Kind(String plural, String title, String description, String listTool,
                        Function<String, Object> parseId,
                        ReadOne read, Function<Principal, List<String>> candidateIds) {

        String template() {
            return "lucent://" + plural + "/{id}";
        }
    }

    @FunctionalInterface
    private interface ReadOne {
        Optional<SerializedJson> read(Principal principal, Object id);
    }

    private static final Logger LOG = Logger.getLogger(McpResources.class.getName());

    private final ObjectMapper json;
    private final List<Kind> kinds;

    McpResources(ObjectMapper json, McpUseCases useCases) {
        this.json = json;
        this.kinds = List.of(
                new Kind("issues", "Issue",
                        "One issue with its description, daily timeline, related signals and insights (as get_issue).",
                        "list_issues", IssueId::parse,
                        (principal, id) -> useCases.getIssue().get(principal, (IssueId) id)
                                .map(found -> SerializedJson.fenced(DomainJson::issueDetail, found)),
                        // status all: any issue may be read, the most severe first
                        principal -> useCases.listIssues().list(principal, new IssueQuery(IssueStatusFilter.ALL,
                                        null, null, null, null, null, pool()))
                                .items().stream().map(issue -> issue.id().toString()).toList()),
                new Kind("signals", "Signal",
                        "One signal with its query and match counts over 24h, 7d and 30d (as get_signal).",
                        "list_signals", text -> SignalId.parse("id", text),
                        (principal, id) -> useCases.getSignal().get(principal, (SignalId) id)
                                .map(found -> SerializedJson.fenced(DomainJson::signalDetail, found)),
                        principal -> useCases.listSignals().list(principal, new SignalQuery(null, null, null, pool()))
                                .items().stream().map(signal -> signal.id().toString()).toList()),
                new Kind("insights", "Insight",
                        "One insight of the analysis pipeline (as get_insight).",
                        "list_insights", InsightId::parse,
                        (principal, id) -> useCases.getInsight().get(principal, (InsightId) id)
                                .map(found -> SerializedJson.fenced(DomainJson::insight, found)),
                        // the default window: insights of the last seven days, newest first
                        principal -> useCases.listInsights().list(principal, new InsightQuery(null, null, null, pool()))
                                .page().items().stream().map(insight -> insight.id().toString()).toList()));
    }

    /** The specification's code for internal errors, with the sentence the agent can act on; logged with its cause. */
    private static JsonRpcException unavailable(String method, Principal principal, DataSourceUnavailableException e) {
        BackendFailureLog.failed(LOG, method, principal, e);
        return new JsonRpcException(JsonRpcException.INTERNAL_ERROR, e.getMessage());
    }

    /** {@code resources/list}: nothing to enumerate; issues, signals and insights are reached through templates. */
    ObjectNode list() {
        ObjectNode result = json.createObjectNode();
        result.putArray("resources");
        return result;
    }

    /** {@code resources/templates/list}. */
    ObjectNode templates() {
        ObjectNode result = json.createObjectNode();
        ArrayNode templates = result.putArray("resourceTemplates");
        for (Kind kind : kinds) {
            templates.addObject()
                    .put("uriTemplate", kind.template())
                    .put("name", kind.plural())
                    .put("title", kind.title())
                    .put("description", kind.description() + " Find ids with " + kind.listTool() + ".")
                    .put("mimeType", "application/json");
        }
        return result;
    }

    /** {@code resources/read}: -32602 for a URI this server does not serve, -32002 for an id the org does not have. */
    ObjectNode read(Principal principal, JsonNode params) {
        JsonNode uriNode = params == null ? null : params.get("uri");
        if (uriNode == null || !uriNode.isTextual()) {
            throw JsonRpcException.invalidParams("resources/read requires params.uri, a string");
        }
        String uri = uriNode.textValue();
        Matcher matcher = URI_FORM.matcher(uri);
        Kind kind = matcher.matches() ? kind(matcher.group(1)) : null;
        if (kind == null) {
            throw JsonRpcException.invalidParams("Unknown resource URI: " + uri + "; this server serves "
                    + String.join(", ", kinds.stream().map(Kind::template).toList()));
        }
        Object id;
        try {
            id = kind.parseId().apply(matcher.group(2));
        } catch (InvalidValueException e) {
            throw JsonRpcException.invalidParams("Invalid resource URI " + uri + ": the id " + e.problem());
        }
        SerializedJson content;
        try {
            content = kind.read().read(principal, id).orElseThrow(() -> new JsonRpcException(
                    JsonRpcException.RESOURCE_NOT_FOUND, "Resource not found",
                    json.createObjectNode().put("uri", uri)));
        } catch (DataSourceUnavailableException e) {
            throw unavailable("resources/read", principal, e);
        }
        ObjectNode result = json.createObjectNode();
        result.putArray("contents").addObject()
                .put("uri", uri)
                .put("mimeType", "application/json")
                .putRawValue("text", content.asStringLiteral());
        return result;
    }

    /**
     * {@code completion/complete} for the {@code id} of a template or of the prompt {@code show_issue}: up to {@value #MAX_COMPLETIONS} ids that start with
     * the typed prefix, among the first {@value #COMPLETION_POOL} of the matching list with its default order (most
     * severe issues of any status, signals matching most over 7 days, insights of the last 7 days), so an id far
     * down a long list is not offered.
     */
    ObjectNode complete(Principal principal, JsonNode params) {
        JsonNode ref = params == null ? null : params.get("ref");
        JsonNode argument = params == null ? null : params.get("argument");
        if (ref == null || !ref.isObject() || argument == null || !argument.isObject()
                || !ref.path("type").isTextual() || !argument.path("name").isTextual() || !argument.path("value").isTextual()) {
            throw JsonRpcException.invalidParams("completion/complete requires params.ref {type, uri} and "
                    + "params.argument {name, value}");
        }
        Kind kind = switch (ref.get("type").textValue()) {
            case "ref/resource" -> {
                String template = ref.path("uri").asText();
                Kind templated = kinds.stream().filter(k -> k.template().equals(template)).findFirst().orElseThrow(() ->
                        JsonRpcException.invalidParams("Unknown resource template: " + template));
                if (!"id".equals(argument.get("name").textValue())) {
                    throw JsonRpcException.invalidParams("The template " + template + " has only the argument 'id'");
                }
                yield templated;
            }
            case "ref/prompt" -> {
                // show_issue's id is an issue's id, offered like the one of lucent://issues/{id}
                if (!McpPrompts.completesIssueId(ref.path("name").asText(), argument.get("name").textValue())) {
                    throw JsonRpcException.invalidParams("Only the argument 'id' of the prompt "
                            + McpPrompts.SHOW_ISSUE + " has completions");
                }
                yield kind("issues");
            }
            default -> throw JsonRpcException.invalidParams("completion/complete completes the id of a resource "
                    + "template (ref/resource) or of the prompt " + McpPrompts.SHOW_ISSUE + " (ref/prompt)");
        };
        String prefix = argument.get("value").textValue().toLowerCase(Locale.ROOT);
        List<String> matches;
        try {
            matches = kind.candidateIds().apply(principal).stream().filter(id -> id.startsWith(prefix)).toList();
        } catch (DataSourceUnavailableException e) {
            throw unavailable("completion/complete", principal, e);
        }
        ObjectNode result = json.createObjectNode();
        ObjectNode completion = result.putObject("completion");
        ArrayNode values = completion.putArray("values");
        matches.stream().limit(MAX_COMPLETIONS).forEach(values::add);
        completion.put("total", matches.size()).put("hasMore", matches.size() > MAX_COMPLETIONS);
        return result;
    }

    private Kind kind(String plural) {
        return kinds.stream().filter(kind -> kind.plural().equals(plural)).findFirst().orElse(null);
    }

    private static PageRequest pool() {
        return PageRequest.of(Limit.of(COMPLETION_POOL), null);
    }
}
