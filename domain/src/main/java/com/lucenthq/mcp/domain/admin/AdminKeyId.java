package com.lucenthq.mcp.domain.admin;

import java.util.Objects;
import java.util.UUID;

/** The public identifier of an admin key: safe to show and log. */
public record AdminKeyId(UUID value) {

    public AdminKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static AdminKeyId random() {
        return new AdminKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
