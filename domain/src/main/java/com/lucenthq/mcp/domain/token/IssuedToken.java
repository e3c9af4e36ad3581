package com.lucenthq.mcp.domain.token;

import java.util.Objects;

/** A newly created token together with its plaintext, which is shown once and then forgotten. */
public record IssuedToken(McpToken token, PlaintextToken plaintext) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(plaintext, "plaintext");
    }
}
