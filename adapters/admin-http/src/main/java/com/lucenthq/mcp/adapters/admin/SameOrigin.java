package com.lucenthq.mcp.adapters.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request protection: a state-changing request must come from a page of our own origin, which
 * every browser states in {@code Origin} on POST and DELETE. Scheme and host compare case-insensitively and
 * a default port equals an absent one; anything else, {@code null} included, is foreign.
 */
final class SameOrigin {

    private final Optional<Key> own;

    SameOrigin(URI publicBaseUrl) {
        this.own = key(publicBaseUrl);
    }

    boolean matches(String origin) {
        if (origin == null || own.isEmpty()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        return bare && key(uri).equals(own);
    }

    private record Key(String scheme, String host, int port) {
    }

    private static Optional<Key> key(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) {
            port = switch (scheme) {
                case "https" -> 443;
                case "http" -> 80;
                default -> -1;
            };
        }
        return Optional.of(new Key(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }
}
