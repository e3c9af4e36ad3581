package com.lucenthq.mcp.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lowercase names under which enum constants cross the wire, e.g. {@code LAST_SEEN} ↔ {@code last_seen}. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        Text.required(field, text);
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(text)) {
                return constant;
            }
        }
        throw new InvalidValueException(field, "must be one of " + allowed(type) + ", not '" + text + "'");
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }
}
