package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;

/** What a client calls itself, shown on the consent page and in the token list: 1 to 100 characters, no controls. */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 100;

    public ClientName {
        Text.required("client_name", value);
        value = value.strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("client_name", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidValueException("client_name", "must not contain control characters");
        }
    }

    public static ClientName of(String value) {
        return new ClientName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
