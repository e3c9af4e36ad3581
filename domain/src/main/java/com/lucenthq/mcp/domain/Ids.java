package com.lucenthq.mcp.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of the UUIDs that identify issues, signals, insights and tokens. */
public final class Ids {

    // UUID.fromString accepts forms such as "1-1-1-1-1"; identifiers are only ever the canonical form.
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parseUuid(String field, String text) {
        Text.required(field, text);
        if (!CANONICAL.matcher(text).matches()) {
            throw new InvalidValueException(field, "must be a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb");
        }
        return UUID.fromString(text);
    }
}
