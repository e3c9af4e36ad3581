package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A PKCE {@code S256} code challenge (RFC 7636 §4.2): the unpadded base64url SHA-256 of the verifier, 43
 * characters. Only S256 is supported; {@code plain} would let whoever sees the authorization request redeem the code.
 */
public record CodeChallenge(String value) {

    private static final Pattern S256_FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER_FORM = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    public CodeChallenge {
        if (value == null || !S256_FORM.matcher(value).matches()) {
            throw new InvalidValueException("code_challenge", "must be the 43-character base64url SHA-256 of the verifier");
        }
    }

    public static CodeChallenge of(String value) {
        return new CodeChallenge(value);
    }

    /** Whether {@code verifier} is the one this challenge was made from; compared in constant time. */
    public boolean isVerifiedBy(String verifier) {
        if (verifier == null || !VERIFIER_FORM.matcher(verifier).matches()) {
            return false;
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII));
    }
}
