package com.lucenthq.mcp.adapters.mcp.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The MCP revisions this server speaks over streamable HTTP, newest first: the per-request-metadata revision
 * {@value #PER_REQUEST_METADATA} and the three revisions that open with an {@code initialize} handshake.
 */
public final class ProtocolVersion {

    /** The stateless revision: no handshake, version and capabilities in every request's {@code _meta}. */
    static final String PER_REQUEST_METADATA = "2026-07-28";
    /** The newest revision that an {@code initialize} handshake can agree on. */
    static final String LATEST_WITH_HANDSHAKE = "2025-11-25";
    /** What a request without an {@code MCP-Protocol-Version} header is taken to speak, as the specification says. */
    static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";
    /** The only revision with JSON-RPC batches: its servers must accept them; 2025-06-18 removed them. */
    static final String WITH_BATCHES = "2025-03-26";
    static final List<String> WITH_HANDSHAKE = List.of(LATEST_WITH_HANDSHAKE, "2025-06-18", "2025-03-26");
    public static final List<String> SUPPORTED = List.of(PER_REQUEST_METADATA, LATEST_WITH_HANDSHAKE, "2025-06-18", "2025-03-26");

    private ProtocolVersion() {
    }

    static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /**
     * Whether an argument that fails validation is answered as a tool result with {@code isError: true}, which the
     * model reads and can correct (2025-11-25, SEP-1303, and 2026-07-28), rather than as JSON-RPC -32602, as the
     * text of 2025-03-26 and 2025-06-18 has it.
     */
    static boolean reportsInvalidArgumentsAsToolErrors(String version) {
        return PER_REQUEST_METADATA.equals(version) || LATEST_WITH_HANDSHAKE.equals(version);
    }

    static boolean hasPerRequestMetadata(String version) {
        return PER_REQUEST_METADATA.equals(version);
    }

    /**
     * What {@code initialize} answers: the client's version when a handshake can agree on it, else our latest such
     * version, which the client may then refuse.
     */
    static String negotiate(Optional<String> requested) {
        return requested.filter(WITH_HANDSHAKE::contains).orElse(LATEST_WITH_HANDSHAKE);
    }
}
