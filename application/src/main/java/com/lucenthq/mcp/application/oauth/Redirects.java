package com.lucenthq.mcp.application.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Authorization responses: the client's redirect URI with parameters added to any query it has (RFC 6749 §4.1.2). */
final class Redirects {

    private Redirects() {
    }

    /** {@code redirectUri} with {@code params}, then {@code state} if any, then {@code iss} (RFC 9207). */
    static URI to(String redirectUri, Map<String, String> params, Optional<String> state, String issuer) {
        Map<String, String> all = new LinkedHashMap<>(params);
        state.ifPresent(value -> all.put("state", value));
        all.put("iss", issuer);
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = URI.create(redirectUri).getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> param : all.entrySet()) {
            uri.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return URI.create(uri.toString());
    }
}
