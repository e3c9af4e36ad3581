package com.lucenthq.mcp.adapters.admin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the admin side presents itself.
 *
 * @param publicBaseUrl the URL browsers reach this server at, e.g. {@code https://app.lucenthq.com} (behind a
 *                      proxy, the proxy's), without a trailing slash. Its origin is the only one allowed to send
 *                      state-changing requests, and an {@code https} scheme marks the session cookie {@code Secure}.
 * @param mcpUrl        the MCP endpoint's URL as clients must configure it, put into the page's snippets
 * @param sessionLength how long a sign-in lasts: the session cookie's {@code Max-Age}
 * @param aliases       other URLs of this same server that browsers may use, allowed as origins too: with the
 *                      default loopback public URL, {@code http://localhost:PORT} and {@code http://[::1]:PORT}
 */
public record AdminHttpConfig(URI publicBaseUrl, String mcpUrl, Duration sessionLength, List<URI> aliases) {

    public AdminHttpConfig(URI publicBaseUrl, String mcpUrl, Duration sessionLength) {
        this(publicBaseUrl, mcpUrl, sessionLength, List.of());
    }

    public AdminHttpConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(mcpUrl, "mcpUrl");
        Objects.requireNonNull(sessionLength, "sessionLength");
        String text = publicBaseUrl.toString();
        String scheme = publicBaseUrl.getScheme() == null ? "" : publicBaseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || publicBaseUrl.getHost() == null
                || publicBaseUrl.getRawUserInfo() != null || text.endsWith("/")) {
            throw new IllegalArgumentException("public base URL must be an absolute http(s) URL without a trailing slash: "
                    + text);
        }
        if (mcpUrl.isBlank()) {
            throw new IllegalArgumentException("mcpUrl must not be blank");
        }
        aliases = List.copyOf(aliases);
        if (sessionLength.isNegative() || sessionLength.toSeconds() < 1) {
            throw new IllegalArgumentException("sessionLength must be at least one second");
        }
    }

    /** Whether the session cookie carries {@code Secure}: when browsers reach us over https. */
    public boolean secureCookies() {
        return publicBaseUrl.getScheme().equalsIgnoreCase("https");
    }

    /** The origins allowed to send state-changing requests: the public base URL's, then its aliases'. */
    List<URI> origins() {
        return Stream.concat(Stream.of(publicBaseUrl), aliases.stream()).toList();
    }

    /** The public base URL's origin, as a browser sends it: {@code scheme://host[:port]}. */
    public String origin() {
        return publicBaseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + publicBaseUrl.getRawAuthority();
    }
}
