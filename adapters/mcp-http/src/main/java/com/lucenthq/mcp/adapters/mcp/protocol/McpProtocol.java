package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.tools.McpTools;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.domain.token.Principal;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-RPC envelope of MCP over streamable HTTP, transport-free: it reads a body, judges each message (its
 * envelope, the revision it speaks, batches of 2025-03-26), has {@link McpMethods} answer the requests, and returns
 * the {@link Reply} that the transport writes.
 */
public final class McpProtocol {

    private static final Logger LOG = Logger.getLogger(McpProtocol.class.getName());

    /** Messages in one 2025-03-26 batch at most; the per-token limit counts each request inside ({@link BatchCost}). */
    public static final int MAX_BATCH = 20;

    private final ObjectMapper json = StrictJson.mapper();
    private final McpMethods methods;

    /**
     * @param maxResultBytes the size budget of one list tool's structured content
     * @param meters         where the tool meters are registered
     */
    public McpProtocol(McpUseCases useCases, int maxResultBytes, String serverVersion, MeterRegistry meters) {
        this(useCases, maxResultBytes, serverVersion, meters, McpTracing.OFF);
    }

    /** @param tracing where the tool calls' spans go, and the audit lines' trace ids come from */
    public McpProtocol(McpUseCases useCases, int maxResultBytes, String serverVersion, MeterRegistry meters,
                       McpTracing tracing) {
        this.methods = new McpMethods(json, new ToolCalls(json, new McpTools(useCases, maxResultBytes), meters, tracing),
                new McpResources(json, useCases), new McpPrompts(json), serverVersion, tracing);
    }

    /**
     * One JSON value from {@code body}, parsed from the stream: reading it into an array first allocates 16 KiB or
     * more, whatever the size.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the body is not valid JSON
     * @throws IOException                                        when the body cannot be read
     */
    public JsonNode read(InputStream body) throws IOException {
        return json.readTree(body);
    }

    /** A 400 with a JSON-RPC parse error (-32700) and no id: the body could not be read as JSON. */
    public Reply parseError(String message) {
        return errorReply(Reply.BAD_REQUEST, null, JsonRpcException.PARSE_ERROR, message, null);
    }

    /** A 400 with a JSON-RPC invalid request (-32600) and no id: the request's envelope is wrong before its body. */
    public Reply invalidRequest(String message) {
        return errorReply(Reply.BAD_REQUEST, null, JsonRpcException.INVALID_REQUEST, message, null);
    }

    /** The answer to a body: one message, or a batch of them. */
    public Reply answer(Principal principal, JsonNode message, RequestRevision.MirroredHeaders headers) {
        return message != null && message.isArray()
                ? answerBatch(principal, message, headers) : reply(principal, message, headers);
    }

    /**
     * A JSON-RPC batch, which only 2025-03-26 has (later revisions removed batching): each message is answered as if
     * sent alone, the answers to its requests come back as one array, and a batch of notifications and responses
     * only is accepted with 202.
     */
    private Reply answerBatch(Principal principal, JsonNode batch, RequestRevision.MirroredHeaders headers) {
        if (!(RequestRevision.byHeader(headers) instanceof RequestRevision.Speaks speaks
                && speaks.version().equals(ProtocolVersion.WITH_BATCHES))) {
            return errorReply(Reply.BAD_REQUEST, null, JsonRpcException.INVALID_REQUEST, "Invalid Request: "
                    + "JSON-RPC batches exist only in " + ProtocolVersion.WITH_BATCHES + "; send one message per request",
                    null);
        }
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            return errorReply(Reply.BAD_REQUEST, null, JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: a batch holds 1 to " + MAX_BATCH + " messages", null);
        }
        ArrayNode answers = json.createArrayNode();
        for (JsonNode message : batch) {
            Reply reply = "initialize".equals(message.path("method").textValue())
                    ? errorReply(Reply.OK, validIdOrNull(message.get("id")), JsonRpcException.INVALID_REQUEST,
                            "Invalid Request: initialize must not be part of a batch", null)
                    : reply(principal, message, headers);
            if (reply.body() != null) {
                answers.add(reply.body());
            }
        }
        return answers.isEmpty() ? Reply.NONE : new Reply(Reply.OK, answers);
    }

    /** The answer to one message: no body for a notification or a response; the status it would have alone. */
    private Reply reply(Principal principal, JsonNode message, RequestRevision.MirroredHeaders headers) {
        if (message == null || !message.isObject()) {
            return errorReply(Reply.BAD_REQUEST, null, JsonRpcException.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC message must be a JSON object", null);
        }
        JsonNode id = message.get("id");
        if (!"2.0".equals(message.path("jsonrpc").textValue())) {
            return errorReply(Reply.BAD_REQUEST, validIdOrNull(id), JsonRpcException.INVALID_REQUEST,
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
            return errorReply(Reply.BAD_REQUEST, validIdOrNull(id), JsonRpcException.INVALID_REQUEST,
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
            return new Reply(Reply.OK, reply);
        } catch (JsonRpcException e) {
            // 2026-07-28 answers an unknown method with 404, so that a client can tell it from a legacy server.
            int status = e.code() == JsonRpcException.METHOD_NOT_FOUND && revision.perRequestMetadata()
                    ? Reply.NOT_FOUND : Reply.OK;
            return errorReply(status, id, e.code(), e.getMessage(), e.data().orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MCP method " + method.textValue() + " failed", e);
            return errorReply(Reply.OK, id, JsonRpcException.INTERNAL_ERROR, "Internal error", null);
        }
    }

    private Reply refusal(JsonNode id, RequestRevision.Refused refused) {
        return errorReply(Reply.BAD_REQUEST, validIdOrNull(id), refused.code(), refused.message(), refused.data());
    }

    private Reply errorReply(int status, JsonNode id, int code, String message, JsonNode data) {
        ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", id);
        ObjectNode error = reply.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return new Reply(status, reply);
    }

    private static JsonNode validIdOrNull(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }
}
