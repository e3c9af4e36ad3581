package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;

/**
 * A token's label, e.g. {@code my laptop}: free text of 1 to 64 characters after trimming; no control characters, no
 * format characters (zero-width, bidirectional controls such as U+202E) and no lone surrogates, so that a name shows
 * what it is and cannot pass for another.
 */
public record TokenName(String value) {

    public static final int MAX_LENGTH = 64;

    public TokenName {
        Text.required("name", value);
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidValueException("name", "must not contain control characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isSurrogate((char) c)) {
                throw new InvalidValueException("name", "must be valid Unicode text: it holds a lone surrogate "
                        + String.format("U+%04X", c) + " at position " + (i + 1));
            }
            // Zero-width characters and bidirectional overrides make a name look like another ("laptop\u202Ecod.exe").
            if (Character.getType(c) == Character.FORMAT) {
                throw new InvalidValueException("name", "must not contain invisible formatting or text-direction "
                        + "characters, such as " + String.format("U+%04X", c) + " at position " + (i + 1));
            }
            i += Character.charCount(c);
        }
    }

    public static TokenName of(String value) {
        return new TokenName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
