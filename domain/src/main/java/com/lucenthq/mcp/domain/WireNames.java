package com.lucenthq.mcp.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lowercase names under which enum constants cross the wire, e.g. {@code LAST_SEEN} ↔ {@code last_seen}. */
public final class WireNames {

    /** Each enum type's wire names by ordinal, made once: tool results write two per issue of a page. */
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
        }
    };

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
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
