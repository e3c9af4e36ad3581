package com.lucenthq.mcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written UUID parser against the JDK's, for every canonical form and for near misses. */
class IdsTest {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Property(tries = 2000)
    void parsesEveryUuidInEitherCase(@ForAll("uuids") UUID uuid) {
        assertEquals(uuid, Ids.parseUuid("id", uuid.toString()));
        assertEquals(uuid, Ids.parseUuid("id", uuid.toString().toUpperCase(Locale.ROOT)));
    }

    @Property(tries = 5000)
    void acceptsExactlyTheCanonicalFormAndAgreesWithTheJdk(@ForAll("nearUuids") String text) {
        Optional<UUID> expected = CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
        if (expected.isPresent()) {
            assertEquals(expected.get(), Ids.parseUuid("id", text), text);
        } else {
            InvalidValueException refused = assertThrows(InvalidValueException.class, () -> Ids.parseUuid("id", text), text);
            assertEquals("id", refused.field());
        }
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(bits -> new UUID(bits.get1(), bits.get2()));
    }

    /** Canonical UUIDs with one character replaced, inserted or removed, and short forms such as "1-1-1-1-1". */
    @Provide
    Arbitrary<String> nearUuids() {
        Arbitrary<String> canonical = uuids().map(UUID::toString);
        Arbitrary<Character> anyChar = Arbitraries.oneOf(Arbitraries.of('-', 'g', 'G', 'x', ' ', '0', 'f', 'F', '/', ':', '@',
                '`', '\u0660', '\uff10', '\u00e9'), Arbitraries.chars());
        Arbitrary<String> replaced = Arbitraries.integers().between(0, 35).flatMap(i -> canonical.flatMap(text ->
                anyChar.map(c -> text.substring(0, i) + c + text.substring(i + 1))));
        Arbitrary<String> inserted = Arbitraries.integers().between(0, 36).flatMap(i -> canonical.flatMap(text ->
                anyChar.map(c -> text.substring(0, i) + c + text.substring(i))));
        Arbitrary<String> removed = Arbitraries.integers().between(0, 35).flatMap(i -> canonical.map(text ->
                text.substring(0, i) + text.substring(i + 1)));
        Arbitrary<String> shortForms = Arbitraries.strings().withChars("0123456789abcdef-").ofMaxLength(40);
        return Arbitraries.oneOf(canonical, replaced, inserted, removed, shortForms);
    }
}
