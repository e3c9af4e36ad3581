package com.lucenthq.mcp.adapters.clientmetadata;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientMetadataDocument;
import com.lucenthq.mcp.domain.oauth.ClientMetadataFetch;
import com.lucenthq.mcp.domain.port.ClientMetadataDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fetches Client ID Metadata Documents with {@code java.net.http}. The URL is the client's choice, so:
 * <ul>
 *   <li>only {@code https}, with a path, no user information or fragment;</li>
 *   <li>every address the host resolves to must be public ({@link PublicAddresses}), checked before connecting;</li>
 *   <li>redirects are never followed (a redirect could lead to an address we did not check);</li>
 *   <li>at most {@value #MAX_DOCUMENT_BYTES} bytes, within {@link #TIMEOUT};</li>
 *   <li>results are cached for {@link #CACHE_TIME} (failures for {@link #FAILURE_CACHE_TIME}), so a client's
 *       authorization, consent and token requests fetch it once.</li>
 * </ul>
 * An operator may allow {@code host:port} pairs (e.g. a test's loopback server, or an internal client): for those
 * the address rules are lifted and plain {@code http} is accepted. A host name that resolves to public addresses
 * at the check could resolve elsewhere at the connection (DNS rebinding); the redirect and size rules still hold.
 */
public final class HttpClientMetadataDocuments implements ClientMetadataDocuments {

    static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration CACHE_TIME = Duration.ofMinutes(5);
    static final Duration FAILURE_CACHE_TIME = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 1_000;

    private final Set<String> allowedHosts;
    private final HttpClient http;
    private final LongSupplier nanoTime;
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ClientMetadataFetch result, long expiresAtNanos) {
    }

    /** @param allowedHosts {@code host:port} pairs exempt from the address rules, e.g. {@code 127.0.0.1:8443} */
    public HttpClientMetadataDocuments(Set<String> allowedHosts) {
        this(allowedHosts, System::nanoTime);
    }

    HttpClientMetadataDocuments(Set<String> allowedHosts, LongSupplier nanoTime) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    @Override
    public ClientMetadataFetch fetch(ClientId url) {
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(url.value());
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.result();
        }
        ClientMetadataFetch result = fetchNow(url.value());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Duration keep = result instanceof ClientMetadataFetch.Fetched ? CACHE_TIME : FAILURE_CACHE_TIME;
        cache.put(url.value(), new Cached(result, now + keep.toNanos()));
        return result;
    }

    private ClientMetadataFetch fetchNow(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return unavailable("the client_id is not a well-formed URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            return unavailable("the client_id URL must have a host and a path, and no user information or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHosts.contains(host + ":" + port);
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            return unavailable("the client_id URL must use https");
        }
        if (!allowed) {
            Optional<String> refusal = addressRefusal(host);
            if (refusal.isPresent()) {
                return unavailable(refusal.get());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return unavailable("fetching it answered HTTP " + response.statusCode() + " (redirects are not followed)");
                }
                byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
                if (bytes.length > MAX_DOCUMENT_BYTES) {
                    return unavailable("the document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
                }
                return parse(bytes);
            }
        } catch (HttpTimeoutException e) {
            return unavailable("fetching it took longer than " + TIMEOUT.toSeconds() + " seconds");
        } catch (IOException e) {
            return unavailable("it could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("fetching it was interrupted");
        }
    }

    private static Optional<String> addressRefusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("its host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return Optional.of("its host resolves to a private, loopback or link-local address, which is not fetched");
            }
        }
        return Optional.empty();
    }

    private ClientMetadataFetch parse(byte[] bytes) {
        JsonNode document;
        try {
            document = json.readTree(bytes);
        } catch (IOException e) {
            return unavailable("the document is not well-formed JSON");
        }
        if (document == null || !document.isObject()) {
            return unavailable("the document must be a JSON object");
        }
        JsonNode clientId = document.get("client_id");
        JsonNode redirectUris = document.get("redirect_uris");
        if (clientId == null || !clientId.isTextual() || redirectUris == null || !redirectUris.isArray()) {
            return unavailable("the document must have a string client_id and an array redirect_uris");
        }
        List<String> uris = new ArrayList<>();
        for (JsonNode uri : redirectUris) {
            if (!uri.isTextual()) {
                return unavailable("redirect_uris must hold strings");
            }
            uris.add(uri.textValue());
        }
        return new ClientMetadataFetch.Fetched(new ClientMetadataDocument(clientId.textValue(), text(document, "client_name"), uris,
                text(document, "token_endpoint_auth_method")));
    }

    private static Optional<String> text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static ClientMetadataFetch unavailable(String reason) {
        return new ClientMetadataFetch.Unavailable(reason);
    }
}
