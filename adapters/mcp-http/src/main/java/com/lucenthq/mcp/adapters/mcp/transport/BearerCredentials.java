package com.lucenthq.mcp.adapters.mcp.transport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the credential of an {@code Authorization: Bearer …} header. The scheme word is
 * case-insensitive (RFC 7235); the credential is returned exactly as sent, for exact comparison.
 */
final class BearerCredentials {

    private static final String SCHEME = "bearer ";

    private BearerCredentials() {
    }

    /**
     * @return the credential, or empty when no usable header was sent (none, several, or another scheme);
     *         an empty string when the header names the scheme but carries nothing
     */
    static Optional<String> from(List<String> authorizationHeaders) {
        if (authorizationHeaders.size() != 1) {
            return Optional.empty();
        }
        String header = authorizationHeaders.getFirst();
        if (header.length() < SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()));
    }
}
