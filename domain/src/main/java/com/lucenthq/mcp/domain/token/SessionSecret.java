package com.lucenthq.mcp.domain.token;

import java.util.regex.Pattern;

/** The value of an admin session cookie: the base64url text of 32 random bytes. Stored only as its SHA-256. */
public final class SessionSecret extends Secret {

    public static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = form("", RANDOM_BYTES);

    private SessionSecret(String secret) {
        super(secret);
    }

    /** @throws com.lucenthq.mcp.domain.InvalidValueException when {@code text} is not of the form */
    public static SessionSecret parse(String text) {
        return new SessionSecret(checked("session", text, FORM, "", RANDOM_BYTES));
    }

    @Override
    public String toString() {
        return "session…(redacted)";
    }
}
