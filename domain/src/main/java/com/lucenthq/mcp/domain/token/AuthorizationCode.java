package com.lucenthq.mcp.domain.token;

import java.util.regex.Pattern;

/** An OAuth authorization code: {@code luc_code_} and the base64url text of 32 random bytes; stored only as its SHA-256. */
public final class AuthorizationCode extends Secret {

    public static final String PREFIX = "luc_code_";
    public static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = form(PREFIX, RANDOM_BYTES);

    private AuthorizationCode(String secret) {
        super(secret);
    }

    /** @throws com.lucenthq.mcp.domain.InvalidValueException when {@code text} is not of the form */
    public static AuthorizationCode parse(String text) {
        return new AuthorizationCode(checked("code", text, FORM, PREFIX, RANDOM_BYTES));
    }

    @Override
    public String toString() {
        return PREFIX + "…(redacted)";
    }
}
