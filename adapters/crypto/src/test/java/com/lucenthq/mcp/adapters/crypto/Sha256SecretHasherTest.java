package com.lucenthq.mcp.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sha256SecretHasherTest {

    private final Sha256SecretHasher hasher = new Sha256SecretHasher();

    /** Expected digests computed outside Java with {@code printf %s TOKEN | sha256sum}. */
    @ParameterizedTest
    @CsvSource({
        "luc_mcp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, ec510ef4bc847cd98be7cafcf345e2ef6136b2d3e569add10ba0ff24be4a5f83",
        "luc_mcp_0123456789abcdefghijklmnopqrstuv, bd70edd8ecb0d773afc7c147a064d76e6c7a9c60702625296679f755ae3e8752",
        "luc_mcp_-_-_ZZZZzzzz99990000____----xYab, 17ea548bbdebbff169ce026ff96d5d02e3717ba32b052e9a7113ae7eec750480",
    })
    void hashIsTheLowercaseHexSha256OfTheToken(String token, String expectedHex) {
        assertEquals(new TokenHash(expectedHex), hasher.hash(PlaintextToken.parse(token)));
    }

    @Test
    void agreesWithTheJdkSha256OnGeneratedTokens() throws Exception {
        SecureRandomSecretGenerator generator = new SecureRandomSecretGenerator();
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 200; i++) {
            PlaintextToken token = generator.generate();
            String expected = HexFormat.of().formatHex(jdk.digest(token.reveal().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, hasher.hash(token).hex());
        }
    }

    @Test
    void tokensDifferingInOneCharacterHaveDifferentHashes() {
        TokenHash a = hasher.hash(PlaintextToken.parse("luc_mcp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        TokenHash b = hasher.hash(PlaintextToken.parse("luc_mcp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"));

        assertNotEquals(a, b);
    }

    @Test
    void neitherTheHasherNorTheHashNorItsFailuresPrintThePlaintext() {
        PlaintextToken token = new SecureRandomSecretGenerator().generate();
        String randomPart = token.reveal().substring("luc_mcp_".length());

        assertFalse(hasher.hash(token).toString().contains(randomPart), "hash.toString()");
        assertFalse(hasher.toString().contains("luc_mcp_"), "hasher.toString()");
        NullPointerException missing = assertThrows(NullPointerException.class, () -> hasher.hash(null));
        assertEquals("secret", missing.getMessage());
    }
}
