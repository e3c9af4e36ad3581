package com.lucenthq.mcp.adapters.mcp;

import java.util.List;
import java.util.Optional;

/** The MCP revisions this server speaks over streamable HTTP, newest first. */
final class ProtocolVersion {

    static final String LATEST = "2025-11-25";
    /** What a request without an {@code MCP-Protocol-Version} header is taken to speak, as the specification says. */
    static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";
    static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26");

    private ProtocolVersion() {
    }

    static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The client's version when we speak it, else our latest, which the client may then refuse. */
    static String negotiate(Optional<String> requested) {
        return requested.filter(ProtocolVersion::isSupported).orElse(LATEST);
    }
}
