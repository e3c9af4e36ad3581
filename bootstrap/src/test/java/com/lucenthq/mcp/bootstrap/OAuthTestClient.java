package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of the OAuth flow as a public client and a browser take them, over a real HTTP client that follows no
 * redirects (each Location is asserted), against a server at {@code base}.
 */
final class OAuthTestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIRECT_URI = "http://127.0.0.1:43999/callback";

    final String base;
    /** The public URL: issuer, resource base and the Origin of the consent forms; {@code base} unless behind a proxy. */
    final String issuer;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    OAuthTestClient(String base) {
        this(base, base);
    }

    OAuthTestClient(String base, String issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    /** The same browser and client talking to another replica of the same public URL. */
    OAuthTestClient at(String otherBase) {
        return new OAuthTestClient(otherBase, issuer);
    }

    String mcpUrl() {
        return issuer + "/api/mcp";
    }

    /** A PKCE pair: the verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce random() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** A form POST of {@code body} exactly as given, e.g. with a repeated parameter. */
    HttpResponse<String> send(String path, String body) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Registers a public client for {@link #REDIRECT_URI}; returns its client_id. */
    String register(String name) {
        HttpResponse<String> response = postJson("/oauth/register", "{\"client_name\":\"" + name
                + "\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).path("client_id").asText();
    }

    /** The authorization request's parameters, with our MCP URL as resource. */
    Map<String, String> authorization(String clientId, Pkce pkce, String redirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("state", "state-" + pkce.verifier().substring(0, 8));
        parameters.put("code_challenge", pkce.challenge());
        parameters.put("code_challenge_method", "S256");
        parameters.put("resource", mcpUrl());
        parameters.put("scope", "mcp:read");
        return parameters;
    }

    HttpResponse<String> authorize(Map<String, String> parameters) {
        return get("/oauth/authorize?" + encode(parameters));
    }

    /** Signs in on the consent screen with an admin key; returns the session cookie ({@code name=value}). */
    String signIn(Map<String, String> parameters, String adminKey) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("admin_key", adminKey);
        HttpResponse<String> response = postForm("/admin/oauth/consent/sign-in", form, "Origin", issuer);
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    HttpResponse<String> decide(Map<String, String> parameters, String cookie, String org, String decision, String origin) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("org", org);
        form.put("decision", decision);
        return cookie == null ? postForm("/admin/oauth/consent", form, "Origin", origin)
                : postForm("/admin/oauth/consent", form, "Origin", origin, "Cookie", cookie);
    }

    /** Allows the request as the admin with {@code cookie} of {@code org}; returns the code from the redirect. */
    String allow(Map<String, String> parameters, String cookie, String org) {
        HttpResponse<String> response = decide(parameters, cookie, org, "allow", issuer);
        assertEquals(303, response.statusCode(), response.body());
        Map<String, String> callback = query(location(response));
        assertEquals(parameters.get("state"), callback.get("state"));
        assertEquals(issuer, callback.get("iss"));
        assertNotNull(callback.get("code"), location(response));
        return callback.get("code");
    }

    HttpResponse<String> exchange(String clientId, String code, String verifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        form.put("client_id", clientId);
        form.put("resource", mcpUrl());
        return postForm("/oauth/token", form);
    }

    HttpResponse<String> refresh(String clientId, String refreshToken) {
        return postForm("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", clientId, "resource", mcpUrl()));
    }

    /** A tools/call of list_issues with the bearer token. */
    HttpResponse<String> listIssues(String accessToken) {
        return send(request("/api/mcp", "Authorization", "Bearer " + accessToken, "Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FullServerFixture.LIST_ISSUES)).build());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: "
                + response.statusCode() + " " + response.body()));
    }

    static Map<String, String> query(String uri) {
        String query = Optional.ofNullable(URI.create(uri).getRawQuery()).orElse("");
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
