package com.lucenthq.mcp.bootstrap;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The public URL when {@code --public-url} is not given: {@code http://HOST:PORT}. On loopback a browser may
 * spell the same server {@code 127.0.0.1}, {@code localhost} or {@code [::1]}: all three are aliases. A wildcard
 * host ({@code 0.0.0.0}, {@code ::}) is no address a client can use, so it falls back to loopback with a
 * warning asking for {@code --public-url}, instead of putting {@code http://0.0.0.0:8080} into snippets.
 */
final class DefaultPublicUrl {

    private static final Logger LOG = Logger.getLogger(DefaultPublicUrl.class.getName());
    private static final List<String> LOOPBACK_SPELLINGS = List.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private DefaultPublicUrl() {
    }

    static URI of(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (WILDCARD_HOSTS.contains(name)) {
            URI fallback = URI.create("http://127.0.0.1:" + port);
            LOG.warning("--host " + host + " listens on every interface, but without --public-url the URL in snippets, "
                    + "discovery metadata and Origin checks is " + fallback + ", which other machines cannot reach. "
                    + "Pass --public-url (env LUCENT_MCP_PUBLIC_URL) with the URL clients use, e.g. http://mcp.internal:" + port + ".");
            return fallback;
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The other loopback spellings of {@code publicUrl}, when it is the default on loopback; none otherwise. */
    static List<URI> aliases(URI publicUrl) {
        if (!LOOPBACK_HOSTS.contains(publicUrl.getHost().toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        String own = publicUrl.getHost().toLowerCase(Locale.ROOT);
        return LOOPBACK_SPELLINGS.stream()
                .filter(spelling -> !spelling.equals(own) && !spelling.equals("[" + own + "]"))
                .map(spelling -> URI.create("http://" + spelling + ":" + publicUrl.getPort()))
                .toList();
    }
}
