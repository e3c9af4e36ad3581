package com.lucenthq.mcp.adapters.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-site request protection: a state-changing request must come from a page of our own origin, which
 * every browser states in {@code Origin} on POST and DELETE. Scheme and host compare case-insensitively and
 * a default port equals an absent one; anything else, {@code null} included, is foreign.
 */
final class SameOrigin {

    private final Set<Key> own;

    /** @param origins the public base URL first, then any other spelling of it (e.g. {@code localhost} for {@code 127.0.0.1}) */
    SameOrigin(List<URI> origins) {
        this.own = origins.stream().map(SameOrigin::key).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
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
        return bare && key(uri).filter(own::contains).isPresent();
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
