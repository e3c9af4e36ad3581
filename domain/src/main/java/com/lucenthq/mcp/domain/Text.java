package com.lucenthq.mcp.domain;

/** Checks shared by the domain's free-text values. */
public final class Text {

    private Text() {
    }

    /** Whether {@code value} contains an ISO control character (tab, newline, NUL, DEL, C1 …). */
    public static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    /** {@code value} itself, or an {@link InvalidValueException} for {@code field} when it is null. */
    public static String required(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }
}
