package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.tools.JsonSchemas;
import com.lucenthq.mcp.adapters.mcp.tools.McpTools;
import com.lucenthq.mcp.adapters.mcp.tools.SerializedJson;
import com.lucenthq.mcp.adapters.mcp.tools.ToolArgumentException;
import com.lucenthq.mcp.adapters.mcp.tools.ToolBinding;
import com.lucenthq.mcp.adapters.mcp.tools.ToolFailure;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.DataSourceUnsupportedException;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tools/list} and {@code tools/call}: the one place where a tool's errors become MCP's. An unknown tool or
 * params that are no CallToolRequest are a JSON-RPC -32602. Bad arguments are a result with {@code isError: true}
 * naming the argument in 2025-11-25 and later (SEP-1303: the model sees it and corrects itself), a -32602 in the
 * revisions before. A call that cannot be answered (no such id, backend unavailable or without summaries, a bug, an
 * answer over the size cap) is a result with {@code isError: true} and a sentence an agent can act on. Every call is
 * metered and audited.
 */
final class ToolCalls {

    private static final Logger LOG = Logger.getLogger(ToolCalls.class.getName());

    /** No answer's text exceeds this many tokens: Claude Code's default cap on one tool result. */
    static final int MAX_TEXT_TOKENS = 25_000;
    /** How tokens are estimated from the text's UTF-8 size. */
    static final double BYTES_PER_TOKEN = 3.5;
    static final long MAX_TEXT_BYTES = (long) (MAX_TEXT_TOKENS * BYTES_PER_TOKEN);

    private final ObjectMapper json;
    private final McpTools tools;
    private final Map<String, ToolBinding> byName = new LinkedHashMap<>();
    private final Map<String, ToolMeters> meters = new HashMap<>();
    private final AuditLog audit;
    private final McpTracing tracing;
    private final ObjectNode toolList;

    ToolCalls(ObjectMapper json, McpTools tools, MeterRegistry registry, McpTracing tracing) {
        this.json = json;
        this.tools = tools;
        this.tracing = tracing;
        this.audit = new AuditLog(json, tracing);
        tools.bindings().forEach(binding -> {
            byName.put(binding.tool().name(), binding);
            meters.put(binding.tool().name(), new ToolMeters(registry, binding.tool().name()));
        });
        this.toolList = renderToolList();
    }

    /** The {@code tools/list} result, the same for every caller: rendered once. */
    ObjectNode list() {
        return toolList;
    }

    ObjectNode call(Principal principal, JsonNode params, RequestRevision.Speaks revision) {
        if (params == null || !params.isObject() || !params.path("name").isTextual()) {
            throw JsonRpcException.invalidParams("tools/call requires params.name, the name of a tool");
        }
        String name = params.get("name").textValue();
        ToolBinding binding = byName.get(name);
        if (binding == null) {
            throw JsonRpcException.invalidParams("Unknown tool: " + name + "; available: " + String.join(", ", byName.keySet()));
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw JsonRpcException.invalidParams("tools/call requires params.arguments to be an object when present");
        }
        long started = System.nanoTime();
        ToolOutcome outcome = ToolOutcome.ERROR;
        JsonNode meta = params.path("_meta");
        McpTracing.OpenSpan span = tracing.toolCall(new McpTracing.ToolCallSpan(name, revision.version(),
                meta.path("traceparent").textValue(), meta.path("tracestate").textValue()));
        try {
            SerializedJson answer = tools.call(binding, principal, arguments);
            if (answer.textLength() > MAX_TEXT_BYTES) {
                outcome = ToolOutcome.ERROR;
                return failure("The answer of " + name + " would be about " + Math.round(answer.textLength() / BYTES_PER_TOKEN)
                        + " tokens, over the cap of " + MAX_TEXT_TOKENS + "; ask for fewer items (limit) or fewer fields.");
            }
            ObjectNode result = success(answer);
            outcome = ToolOutcome.OK;
            return result;
        } catch (ToolArgumentException e) {
            outcome = ToolOutcome.INVALID_ARGUMENTS;
            if (ProtocolVersion.reportsInvalidArgumentsAsToolErrors(revision.version())) {
                return failure(e.getMessage());
            }
            throw JsonRpcException.invalidParams(e.getMessage());
        } catch (DataSourceUnsupportedException e) {
            outcome = ToolOutcome.BACKEND_UNAVAILABLE;
            return failure(e.getMessage());
        } catch (ToolFailure e) {
            outcome = ToolOutcome.NOT_FOUND;
            return failure(e.getMessage());
        } catch (DataSourceUnavailableException e) {
            outcome = ToolOutcome.BACKEND_UNAVAILABLE;
            BackendFailureLog.failed(LOG, "Tool " + name, principal, e);
            return failure(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Tool " + name + " failed unexpectedly, reference " + reference, e);
            return failure("The " + name + " tool failed unexpectedly (reference " + reference
                    + "). Try again; if it keeps failing, report the reference to your Lucent administrator.");
        } finally {
            long nanos = System.nanoTime() - started;
            meters.get(name).record(outcome, nanos);
            audit.record(AuditLog.Event.TOOL_CALL, principal, name, outcome, nanos);
            span.end(outcome.errorType(ProtocolVersion.reportsInvalidArgumentsAsToolErrors(revision.version())),
                    outcome.label());
        }
    }

    private ObjectNode renderToolList() {
        ObjectNode result = json.createObjectNode();
        ArrayNode list = result.putArray("tools");
        for (ToolBinding binding : byName.values()) {
            Tool tool = binding.tool();
            ObjectNode entry = list.addObject()
                    .put("name", tool.name())
                    .put("title", tool.title())
                    .put("description", tool.description());
            entry.set("inputSchema", JsonSchemas.input(tool));
            entry.set("outputSchema", binding.outputSchema());
            entry.putObject("annotations")
                    .put("title", tool.title())
                    .put("readOnlyHint", tool.readOnly())
                    .put("destructiveHint", false)
                    .put("idempotentHint", true)
                    .put("openWorldHint", false);
        }
        return result;
    }

    /** Structured content plus its serialization as text, which the specification asks for older clients. */
    private ObjectNode success(SerializedJson structured) {
        ObjectNode result = json.createObjectNode();
        result.putArray("content").addObject().put("type", "text").putRawValue("text", structured.asStringLiteral());
        result.putRawValue("structuredContent", structured.asValue());
        return result.put("isError", false);
    }

    private ObjectNode failure(String message) {
        ObjectNode result = json.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", message);
        return result.put("isError", true);
    }
}
