package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** The public identifier of an OAuth grant, shown in the token list and passed to {@code token revoke}. */
public record GrantId(UUID value) {

    public GrantId {
        Objects.requireNonNull(value, "value");
    }

    public static GrantId parse(String text) {
        return new GrantId(Ids.parseUuid("grant id", text));
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
