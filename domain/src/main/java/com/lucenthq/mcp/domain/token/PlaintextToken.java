package com.lucenthq.mcp.domain.token;

import java.util.regex.Pattern;

/**
 * An MCP token's secret: {@code luc_mcp_} followed by the unpadded base64url encoding of 24 random
 * bytes (192 bits), 40 characters in all. It exists only between generation and the one time it is
 * shown, and in a request being authenticated.
 */
public final class PlaintextToken extends Secret {

    public static final String PREFIX = "luc_mcp_";
    public static final int RANDOM_BYTES = 24;
    /** Length of the base64url text of {@link #RANDOM_BYTES} bytes without padding. */
    public static final int ENCODED_LENGTH = encodedLength(RANDOM_BYTES);

    private static final Pattern FORM = form(PREFIX, RANDOM_BYTES);

    private PlaintextToken(String secret) {
        super(secret);
    }

    /**
     * Parses a presented token exactly: no trimming, the full prefix required, nothing after.
     *
     * @throws com.lucenthq.mcp.domain.InvalidValueException when {@code text} is not of the token form
     */
    public static PlaintextToken parse(String text) {
        return new PlaintextToken(checked("token", text, FORM, PREFIX, RANDOM_BYTES));
    }

    @Override
    public String toString() {
        return PREFIX + "…(redacted)";
    }
}
