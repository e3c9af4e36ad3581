package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The options of the built-in authorization server (see docs/oauth.md).
 *
 * @param accessTokenLifetime        how long an OAuth access token authenticates requests
 * @param clientMetadataAllowedHosts {@code host:port} pairs whose client metadata documents may be fetched although
 *                                   they are on a private or loopback address, or over plain http
 */
record OAuthOptions(Duration accessTokenLifetime, Set<String> clientMetadataAllowedHosts) {

    static final OAuthOptions DEFAULTS = new OAuthOptions(OAuthSettings.DEFAULT_ACCESS_TOKEN_LIFETIME, Set.of());

    OAuthOptions {
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("--oauth-access-token-lifetime must be at least one second");
        }
        clientMetadataAllowedHosts = Set.copyOf(clientMetadataAllowedHosts);
        for (String host : clientMetadataAllowedHosts) {
            if (!host.matches("[^:/\\s]+:\\d{1,5}") && !host.matches("\\[[0-9A-Fa-f:.]+]:\\d{1,5}")) {
                throw new IllegalArgumentException("--client-metadata-allowed-hosts takes HOST:PORT pairs, not " + host);
            }
        }
    }
}
