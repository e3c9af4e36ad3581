package com.lucenthq.mcp.domain;

import java.util.UUID;

/** Parsing of the UUIDs that identify issues, signals, insights and tokens. */
public final class Ids {

    private static final int LENGTH = 36;

    private Ids() {
    }

    /**
     * The UUID in {@code text}, which must be the canonical form: 8-4-4-4-12 hexadecimal digits, either case.
     * {@link UUID#fromString} also accepts forms such as "1-1-1-1-1"; identifiers are only ever the canonical form.
     * Checked and parsed by hand in one pass, because it runs for every id of every page.
     */
    public static UUID parseUuid(String field, String text) {
        Text.required(field, text);
        if (text.length() != LENGTH) {
            throw notAUuid(field);
        }
        long mostSignificant = 0;
        long leastSignificant = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    throw notAUuid(field);
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                throw notAUuid(field);
            }
            if (i < 18) {
                mostSignificant = mostSignificant << 4 | digit;
            } else {
                leastSignificant = leastSignificant << 4 | digit;
            }
        }
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The value of an ASCII hexadecimal digit, or -1 (not {@link Character#digit}, which takes other scripts' digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static InvalidValueException notAUuid(String field) {
        return new InvalidValueException(field, "must be a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb");
    }
}
