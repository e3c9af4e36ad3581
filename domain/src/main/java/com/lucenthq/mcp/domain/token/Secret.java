package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A random bearer secret: a fixed prefix and the unpadded base64url text of N random bytes. What is
 * hashed for storage and lookup, and never printed: subclasses say in {@code toString()} only what
 * kind of secret it is.
 */
public abstract sealed class Secret permits PlaintextToken, AdminKey, SessionSecret, AuthorizationCode, RefreshToken {

    private final String secret;

    Secret(String secret) {
        this.secret = secret;
    }

    /** The secret itself; call only to hash it or to hand it to its owner once. */
    public final String reveal() {
        return secret;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && secret.equals(((Secret) other).secret);
    }

    @Override
    public final int hashCode() {
        return secret.hashCode();
    }

    @Override
    public abstract String toString();

    static Pattern form(String prefix, int randomBytes) {
        return Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]{" + encodedLength(randomBytes) + "}");
    }

    /** Length of the unpadded base64url text of {@code bytes} bytes. */
    static int encodedLength(int bytes) {
        return (bytes * 4 + 2) / 3;
    }

    /** {@code text} when it has the form; else a complaint about {@code field} that does not echo the text. */
    static String checked(String field, String text, Pattern form, String prefix, int randomBytes) {
        if (text == null || !form.matcher(text).matches()) {
            throw new InvalidValueException(field, "must be " + (prefix.isEmpty() ? "" : prefix + " followed by ")
                    + encodedLength(randomBytes) + " base64url characters");
        }
        return text;
    }
}
