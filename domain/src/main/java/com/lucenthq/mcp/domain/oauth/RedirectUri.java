package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A registered redirection endpoint. Matching is exact string comparison (RFC 6749 §3.1.2, OAuth 2.1), except
 * that an {@code http} loopback URI matches on any port (RFC 8252 §7.3): native clients bind whatever port is
 * free. Allowed forms: {@code https}, {@code http} on a loopback host, or a private-use scheme of a native app
 * (RFC 8252 §7.1); never {@code javascript:}, {@code data:} or a fragment.
 */
public record RedirectUri(String value) {

    public static final int MAX_LENGTH = 2048;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about", "blob");

    public RedirectUri {
        Text.required("redirect_uri", value);
        if (value.isEmpty() || value.length() > MAX_LENGTH || Text.hasControlCharacter(value)) {
            throw new InvalidValueException("redirect_uri", "must be an absolute URI of at most " + MAX_LENGTH + " characters");
        }
        URI uri = parse(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException("redirect_uri", "must not have a fragment");
        }
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            throw new InvalidValueException("redirect_uri", "must not use the " + scheme + " scheme");
        }
        if (scheme.equals("http") && !isLoopback(uri)) {
            throw new InvalidValueException("redirect_uri", "may use http only on a loopback host (127.0.0.1, [::1], localhost)");
        }
        if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getRawUserInfo() != null)) {
            throw new InvalidValueException("redirect_uri", "must name a host and no user information");
        }
    }

    public static RedirectUri of(String value) {
        return new RedirectUri(value);
    }

    /** Whether a redirect_uri presented in a request is this registered one. */
    public boolean accepts(String presented) {
        if (value.equals(presented)) {
            return true;
        }
        URI registered = parse(value);
        if (!registered.getScheme().equalsIgnoreCase("http") || !isLoopback(registered) || presented == null) {
            return false;
        }
        URI other;
        try {
            other = new URI(presented);
        } catch (URISyntaxException e) {
            return false;
        }
        return "http".equals(other.getScheme()) && registered.getScheme().equals(other.getScheme())
                && Objects.equals(registered.getHost(), other.getHost()) && other.getRawUserInfo() == null
                && Objects.equals(registered.getRawPath(), other.getRawPath())
                && Objects.equals(registered.getRawQuery(), other.getRawQuery()) && other.getRawFragment() == null;
    }

    /** The host the browser is sent to, as the consent page shows it; a private-use scheme shows as {@code scheme:}. */
    public String host() {
        URI uri = parse(value);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()) {
                throw new InvalidValueException("redirect_uri", "must be an absolute URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidValueException("redirect_uri", "must be a well-formed absolute URI");
        }
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
