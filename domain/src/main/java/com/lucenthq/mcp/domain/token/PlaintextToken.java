package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A token's secret: {@code luc_mcp_} followed by the unpadded base64url encoding of 24 random
 * bytes (192 bits), 40 characters in all. It exists only between generation and the one time
 * it is shown, and in a request being authenticated; {@link #toString()} never reveals it.
 */
public final class PlaintextToken {

    public static final String PREFIX = "luc_mcp_";
    public static final int RANDOM_BYTES = 24;
    /** Length of the base64url text of {@link #RANDOM_BYTES} bytes without padding. */
    public static final int ENCODED_LENGTH = 32;

    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{" + ENCODED_LENGTH + "}");

    private final String secret;

    private PlaintextToken(String secret) {
        this.secret = secret;
    }

    /**
     * Parses a presented token exactly: no trimming, the full prefix required, nothing after.
     *
     * @throws InvalidValueException when {@code text} is not of the token form
     */
    public static PlaintextToken parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new InvalidValueException("token", "must be " + PREFIX + " followed by " + ENCODED_LENGTH + " base64url characters");
        }
        return new PlaintextToken(text);
    }

    /** The secret itself; call only to hash it or to show it once to its owner. */
    public String reveal() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlaintextToken that && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return PREFIX + "…(redacted)";
    }
}
