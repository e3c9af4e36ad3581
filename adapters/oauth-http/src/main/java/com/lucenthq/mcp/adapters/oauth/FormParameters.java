package com.lucenthq.mcp.adapters.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} parameters, of a query or a body. OAuth forbids repeating a parameter
 * (RFC 6749 §3.1, §3.2), so a repeated one makes the whole set invalid rather than one of its values winning.
 */
record FormParameters(Map<String, String> values) {

    /** The parameters, or empty when one is repeated or an escape is malformed. */
    static Optional<FormParameters> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return Optional.of(new FormParameters(values));
        }
        try {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (values.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        return Optional.of(new FormParameters(Map.copyOf(values)));
    }

    /** The value, or null when absent; an empty value counts as absent (RFC 6749 §3.1). */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
