package com.lucenthq.mcp.domain;

import java.util.UUID;

/** Parsing of the UUIDs that identify issues, signals, insights and tokens. */
public final class Ids {

    private static final int LENGTH = 36;

    private Ids() {
    }

    public static UUID parseUuid(String field, String text) {
        Text.required(field, text);
        // UUID.fromString accepts forms such as "1-1-1-1-1"; identifiers are only ever the canonical form.
        if (!isCanonical(text)) {
            throw new InvalidValueException(field, "must be a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb");
        }
        return UUID.fromString(text);
    }

    /** 8-4-4-4-12 hexadecimal digits, either case; checked by hand because it runs for every id of every page. */
    private static boolean isCanonical(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
