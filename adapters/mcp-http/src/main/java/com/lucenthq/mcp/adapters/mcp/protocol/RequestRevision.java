package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which MCP revision one request speaks, and the checks that the 2026-07-28 transport asks of a server that reads
 * the body: the version in {@code params._meta} equals the {@code MCP-Protocol-Version} header, the required
 * {@code _meta} fields are there, and {@code Mcp-Method} and {@code Mcp-Name} mirror the body. A request without
 * per-request metadata speaks its header's revision, or 2025-03-26 without one.
 */
public final class RequestRevision {

    public static final String VERSION_KEY = "io.modelcontextprotocol/protocolVersion";
    public static final String CAPABILITIES_KEY = "io.modelcontextprotocol/clientCapabilities";
    public static final String LOG_LEVEL_KEY = "io.modelcontextprotocol/logLevel";
    /** The MCP errors of 2026-07-28 (basic/index, error codes). */
    public static final int HEADER_MISMATCH = -32020;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /** The methods whose {@code params.name} or {@code params.uri} is mirrored in {@code Mcp-Name}. */
    private static final Set<String> NAMED_METHODS = Set.of("tools/call", "resources/read", "prompts/get");
    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";
    /** The levels of RFC 5424 as the specification names them, for {@code logLevel} and {@code logging/setLevel}. */
    static final List<String> LOG_LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    /** What one request speaks, or why it is refused with 400. */
    sealed interface Outcome permits Speaks, Refused {
    }

    /** The request speaks {@code version}. */
    record Speaks(String version) implements Outcome {

        boolean perRequestMetadata() {
            return ProtocolVersion.hasPerRequestMetadata(version);
        }
    }

    /** The request is refused with 400 and this JSON-RPC error. */
    record Refused(int code, String message, JsonNode data) implements Outcome {
    }

    /** The HTTP headers of the request that mirror its body; each empty when absent. */
    public record MirroredHeaders(Optional<String> protocolVersion, Optional<String> method, Optional<String> name) {
    }

    private RequestRevision() {
    }

    /**
     * The revision of a request. With a version in {@code _meta}, a header that does not mirror it is refused before
     * the version itself is judged.
     */
    static Outcome of(MirroredHeaders headers, String method, JsonNode params) {
        JsonNode meta = params != null && params.isObject() ? params.get("_meta") : null;
        JsonNode declared = meta != null && meta.isObject() ? meta.get(VERSION_KEY) : null;
        if (declared == null) {
            Outcome byHeader = byHeader(headers);
            if (byHeader instanceof Speaks speaks && speaks.perRequestMetadata()) {
                return invalidParams("A " + speaks.version() + " request carries params._meta with " + VERSION_KEY
                        + " and " + CAPABILITIES_KEY);
            }
            return byHeader;
        }
        if (!declared.isTextual()) {
            return invalidParams("params._meta " + VERSION_KEY + " must be a string");
        }
        String version = declared.textValue();
        if (headers.protocolVersion().isEmpty()) {
            return mismatch("the MCP-Protocol-Version header is required and must be " + version);
        }
        if (!headers.protocolVersion().get().equals(version)) {
            return mismatch("MCP-Protocol-Version header value '" + headers.protocolVersion().get()
                    + "' does not match body value '" + version + "'");
        }
        if (!ProtocolVersion.isSupported(version)) {
            return unsupported(version);
        }
        if (!ProtocolVersion.hasPerRequestMetadata(version)) {
            // A handshake revision has no per-request metadata: its _meta is only the client's business.
            return new Speaks(version);
        }
        if (!meta.path(CAPABILITIES_KEY).isObject()) {
            return invalidParams("params._meta " + CAPABILITIES_KEY + " is required, an object ({} when the client "
                    + "declares no capability)");
        }
        JsonNode logLevel = meta.get(LOG_LEVEL_KEY);
        if (logLevel != null && !(logLevel.isTextual() && LOG_LEVELS.contains(logLevel.textValue()))) {
            return invalidParams("params._meta " + LOG_LEVEL_KEY + " must be one of " + String.join(", ", LOG_LEVELS));
        }
        if (headers.method().isEmpty()) {
            return mismatch("the Mcp-Method header is required and must be " + method);
        }
        if (!headers.method().get().equals(method)) {
            return mismatch("Mcp-Method header value '" + headers.method().get() + "' does not match body value '"
                    + method + "'");
        }
        if (NAMED_METHODS.contains(method)) {
            String field = method.equals("resources/read") ? "uri" : "name";
            JsonNode value = params.get(field);
            String bodyValue = value != null && value.isTextual() ? value.textValue() : null;
            if (headers.name().isEmpty()) {
                if (bodyValue != null) {
                    return mismatch("the Mcp-Name header is required for " + method + " and must carry params." + field);
                }
            } else {
                Optional<String> named = decode(headers.name().get());
                if (named.isEmpty()) {
                    return mismatch("the Mcp-Name header is not a valid =?base64?…?= value");
                }
                if (!named.get().equals(bodyValue)) {
                    return mismatch("Mcp-Name header value does not match body value params." + field);
                }
            }
        }
        return new Speaks(version);
    }

    /**
     * What the {@code MCP-Protocol-Version} header alone says: its version, 2025-03-26 without one, refused when
     * this server does not speak it. All a notification, a response or a batch is judged by.
     */
    static Outcome byHeader(MirroredHeaders headers) {
        String version = headers.protocolVersion().orElse(ProtocolVersion.ASSUMED_WITHOUT_HEADER);
        return ProtocolVersion.isSupported(version) ? new Speaks(version) : unsupported(version);
    }

    /** The JSON-RPC error for an {@code MCP-Protocol-Version} (or {@code _meta} version) this server does not speak. */
    static Refused unsupported(String requested) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ProtocolVersion.SUPPORTED.forEach(data.putArray("supported")::add);
        data.put("requested", requested);
        return new Refused(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version " + requested + "; supported: "
                + String.join(", ", ProtocolVersion.SUPPORTED), data);
    }

    /** A header value as sent, or the UTF-8 text of its Base64 sentinel form; empty when the sentinel is broken. */
    static Optional<String> decode(String headerValue) {
        if (!(headerValue.startsWith(BASE64_PREFIX) && headerValue.endsWith(BASE64_SUFFIX)
                && headerValue.length() >= BASE64_PREFIX.length() + BASE64_SUFFIX.length())) {
            return Optional.of(headerValue);
        }
        String encoded = headerValue.substring(BASE64_PREFIX.length(), headerValue.length() - BASE64_SUFFIX.length());
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Refused mismatch(String what) {
        return new Refused(HEADER_MISMATCH, "Header mismatch: " + what, null);
    }

    private static Refused invalidParams(String message) {
        return new Refused(JsonRpcException.INVALID_PARAMS, "Invalid params: " + message, null);
    }
}
