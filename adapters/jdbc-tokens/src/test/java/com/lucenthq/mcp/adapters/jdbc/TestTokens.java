package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Real-looking tokens for tests, made with the JDK alone: this adapter must not depend on the crypto one. */
final class TestTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    static PlaintextToken plaintext() {
        byte[] bytes = new byte[PlaintextToken.RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PlaintextToken.parse(PlaintextToken.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static TokenHash sha256(PlaintextToken plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.reveal().getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static McpToken issued(OrgId org, String name, TokenHash hash, Instant createdAt) {
        return McpToken.issued(TokenId.random(), org, TokenName.of(name), hash, createdAt);
    }

    static McpToken issued(OrgId org, String name) {
        return issued(org, name, sha256(plaintext()), Instant.parse("2026-03-01T10:15:30.123456Z"));
    }
}
