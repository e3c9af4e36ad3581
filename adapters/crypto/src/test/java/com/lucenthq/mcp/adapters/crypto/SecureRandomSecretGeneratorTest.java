package com.lucenthq.mcp.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.token.PlaintextToken;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SecureRandomSecretGeneratorTest {

    private static final Pattern TOKEN_FORM = Pattern.compile("luc_mcp_[A-Za-z0-9_-]{32}");
    private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SecureRandomSecretGenerator generator = new SecureRandomSecretGenerator();

    @Test
    void tokenIsThePrefixFollowedByThe24RandomBytesInUnpaddedBase64url() {
        String text = generator.generate().reveal();

        assertEquals(40, text.length());
        assertTrue(TOKEN_FORM.matcher(text).matches(), "token form");
        assertEquals(24, Base64.getUrlDecoder().decode(text.substring("luc_mcp_".length())).length);
    }

    @Test
    void adminKeysAndSessionSecretsHaveTheirOwnFormsAndSizes() {
        String adminKey = generator.generateAdminKey().reveal();
        assertTrue(adminKey.startsWith("luc_adm_"), "admin key prefix");
        assertEquals(24, Base64.getUrlDecoder().decode(adminKey.substring("luc_adm_".length())).length);

        String session = generator.generateSessionSecret().reveal();
        assertEquals(32, Base64.getUrlDecoder().decode(session).length);
        assertTrue(session.chars().allMatch(c -> BASE64URL_ALPHABET.indexOf(c) >= 0), "cookie-safe characters only");
        assertNotEquals(session, generator.generateSessionSecret().reveal());
    }

    @Test
    void tenThousandTokensAreAllDistinctAndAllParse() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            PlaintextToken token = generator.generate();
            assertEquals(token, PlaintextToken.parse(token.reveal()));
            seen.add(token.reveal());
        }
        assertEquals(10_000, seen.size());
    }

    /**
     * 32 characters carry exactly 192 bits, so every symbol of the alphabet is equally likely at every
     * position: 10,000 tokens give each of the 64 symbols about 5,000 times (standard deviation about 70).
     * A constant, hex-encoded or otherwise narrowed source fails this.
     */
    @Test
    void everyBase64urlSymbolOccursAboutEquallyOften() {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String random = generator.generate().reveal().substring("luc_mcp_".length());
            for (char c : random.toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }

        assertEquals(64, counts.size(), "symbols seen");
        assertAll(BASE64URL_ALPHABET.chars().<Executable>mapToObj(c -> () -> {
            int count = counts.getOrDefault((char) c, 0);
            assertTrue(count > 4_500 && count < 5_500, (char) c + " occurred " + count + " times");
        }));
    }

    @Test
    void oneGeneratorServesManyThreadsWithoutRepeatingItself() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Future<?>[] workers = new Future<?>[4];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        seen.add(generator.generate().reveal());
                    }
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void neitherTheGeneratorNorItsTokensPrintTheSecret() {
        PlaintextToken token = generator.generate();
        String randomPart = token.reveal().substring("luc_mcp_".length());

        assertFalse(token.toString().contains(randomPart), "token.toString()");
        assertFalse(generator.toString().contains("luc_mcp_"), "generator.toString()");
    }
}
