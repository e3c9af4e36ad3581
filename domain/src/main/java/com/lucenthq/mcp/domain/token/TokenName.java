package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;

/** A token's label, e.g. {@code my laptop}: free text of 1 to 64 characters after trimming, no control characters. */
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
    }

    public static TokenName of(String value) {
        return new TokenName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
