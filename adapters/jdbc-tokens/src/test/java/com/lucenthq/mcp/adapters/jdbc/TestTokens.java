package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.Secret;
import com.lucenthq.mcp.domain.token.SessionSecret;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Real-looking tokens, admin keys and sessions for tests, made with the JDK alone: this adapter must not depend on the crypto one. */
final class TestTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    static PlaintextToken plaintext() {
        return PlaintextToken.parse(PlaintextToken.PREFIX + randomText(PlaintextToken.RANDOM_BYTES));
    }

    static AdminKey adminKey() {
        return AdminKey.parse(AdminKey.PREFIX + randomText(AdminKey.RANDOM_BYTES));
    }

    static SessionSecret sessionSecret() {
        return SessionSecret.parse(randomText(SessionSecret.RANDOM_BYTES));
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static TokenHash sha256(Secret plaintext) {
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

    static AdminCredential adminCredential(OrgId org, AdminKey key) {
        return new AdminCredential(AdminKeyId.random(), org, sha256(key), Instant.parse("2026-03-01T10:15:30.123456Z"));
    }

    /** An eight-hour session of {@code credential} with the hash of {@code cookie}, started at {@code createdAt}. */
    static AdminSession adminSession(AdminCredential credential, SessionSecret cookie, Instant createdAt) {
        return new AdminSession(sha256(cookie), credential.org(), credential.id(), createdAt, createdAt.plus(Duration.ofHours(8)));
    }
}
