package com.lucenthq.mcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.token.TokenName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token names that could pass for other names are refused, with a message naming the character. */
class TokenNameSpoofingTest {

    @ParameterizedTest
    @ValueSource(strings = {"lap\u200Btop", "laptop \u202Ecod.exe", "\u2066ci\u2069", "a\u200Eb", "a\u200Fb",
        "\uFEFFlaptop", "soft\u00ADhyphen", "a\u2060b"})
    void formatAndBidiControlCharactersAreRefused(String name) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TokenName.of(name));
        assertEquals("name", e.field());
        assertTrue(e.getMessage().contains("invisible formatting or text-direction characters"), e.getMessage());
        assertTrue(e.getMessage().matches(".*U\\+[0-9A-F]{4}.*"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "a\uDC00", "\uD83D", "x\uDE00\uD83D"})
    void loneSurrogatesAreRefused(String name) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TokenName.of(name));
        assertTrue(e.getMessage().contains("valid Unicode"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop 💻", "ci – main", "Jürgen's Mac", "東京のラップトップ", "שלום", "العربية"})
    void ordinaryTextInAnyScriptIsAccepted(String name) {
        assertEquals(name, TokenName.of(name).value());
    }
}
