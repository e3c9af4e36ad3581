package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The SHA-256 digest of a token's plaintext as 64 lowercase hex characters: all that is stored of a token. */
public record TokenHash(String hex) {

    private static final int LENGTH = 64;

    public TokenHash {
        Text.required("token hash", hex);
        if (!isLowercaseHex(hex)) {
            throw new InvalidValueException("token hash", "must be 64 lowercase hex characters");
        }
    }

    /** 64 characters of 0-9 a-f; checked by hand because every request's token lookup builds one. */
    private static boolean isLowercaseHex(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Compares in time independent of where the digests differ. */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
