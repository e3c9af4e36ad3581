package com.lucenthq.mcp.domain.token;

import java.util.regex.Pattern;

/** An OAuth refresh token: {@code luc_rt_} and the base64url text of 32 random bytes; stored only as its SHA-256. */
public final class RefreshToken extends Secret {

    public static final String PREFIX = "luc_rt_";
    public static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = form(PREFIX, RANDOM_BYTES);

    private RefreshToken(String secret) {
        super(secret);
    }

    /** @throws com.lucenthq.mcp.domain.InvalidValueException when {@code text} is not of the form */
    public static RefreshToken parse(String text) {
        return new RefreshToken(checked("refresh_token", text, FORM, PREFIX, RANDOM_BYTES));
    }

    @Override
    public String toString() {
        return PREFIX + "…(redacted)";
    }
}
