package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** The public identifier of an MCP token: safe to show, log and put in URLs. */
public record TokenId(UUID value) {

    public TokenId {
        Objects.requireNonNull(value, "value");
    }

    public static TokenId parse(String text) {
        return new TokenId(Ids.parseUuid("token id", text));
    }

    public static TokenId random() {
        return new TokenId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
