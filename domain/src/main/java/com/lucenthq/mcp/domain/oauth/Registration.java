package com.lucenthq.mcp.domain.oauth;

/** How a client made itself known, which the consent page tells the person approving it. */
public enum Registration {
    /** RFC 7591: anyone may register any name; nothing about it is verified. */
    DYNAMIC,
    /** Its {@link ClientId} is the https URL of its metadata document, so the name is vouched for by that host. */
    METADATA_DOCUMENT
}
