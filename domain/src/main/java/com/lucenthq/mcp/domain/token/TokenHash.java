package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** The SHA-256 digest of a token's plaintext as 64 lowercase hex characters: all that is stored of a token. */
public record TokenHash(String hex) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Text.required("token hash", hex);
        if (!FORM.matcher(hex).matches()) {
            throw new InvalidValueException("token hash", "must be 64 lowercase hex characters");
        }
    }

    /** Compares in time independent of where the digests differ. */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
