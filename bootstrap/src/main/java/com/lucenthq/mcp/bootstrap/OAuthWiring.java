package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.admin.AdminHttpConfig;
import com.lucenthq.mcp.adapters.admin.AdminUseCases;
import com.lucenthq.mcp.adapters.admin.ConsentHttpService;
import com.lucenthq.mcp.adapters.admin.ConsentUseCases;
import com.lucenthq.mcp.adapters.clientmetadata.HttpClientMetadataDocuments;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.oauth.OAuthHttpConfig;
import com.lucenthq.mcp.adapters.oauth.OAuthHttpService;
import com.lucenthq.mcp.adapters.oauth.OAuthUseCases;
import com.lucenthq.mcp.application.oauth.CheckAuthorizationService;
import com.lucenthq.mcp.application.oauth.DecideAuthorizationService;
import com.lucenthq.mcp.application.oauth.ExchangeTokenService;
import com.lucenthq.mcp.application.oauth.RegisterClientService;
import com.lucenthq.mcp.application.oauth.RevokeOAuthTokenService;
import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import io.helidon.webserver.http.HttpService;
import java.net.URI;

/** The built-in authorization server: its use cases on the token database, and the two HTTP services that serve it. */
final class OAuthWiring {

    private OAuthWiring() {
    }

    /** The OAuth endpoints and the consent screen, for a server whose issuer is {@code publicBaseUrl}. */
    static HttpService[] services(TokenDatabase tokens, SecretGenerator generator, SecretHasher hasher, Clock clock,
                                  AdminUseCases admin, AdminHttpConfig adminConfig, URI publicBaseUrl, String mcpUrl,
                                  OAuthOptions options) {
        OAuthSettings settings = OAuthSettings.of(publicBaseUrl.toString(), mcpUrl, options.accessTokenLifetime());
        CheckAuthorizationService check = new CheckAuthorizationService(tokens.clientStore(),
                new HttpClientMetadataDocuments(options.clientMetadataAllowedHosts()), clock, settings);
        OAuthUseCases useCases = new OAuthUseCases(
                new RegisterClientService(tokens.clientStore(), clock, settings),
                check,
                new ExchangeTokenService(tokens.grantStore(), generator, hasher, clock, settings),
                new RevokeOAuthTokenService(tokens.grantStore(), hasher, clock));
        ConsentUseCases consent = new ConsentUseCases(check,
                new DecideAuthorizationService(tokens.grantStore(), generator, hasher, clock, settings));
        return new HttpService[] {
                new OAuthHttpService(useCases, new OAuthHttpConfig(publicBaseUrl, ConsentHttpService.PATH,
                        OAuthHttpConfig.DEFAULT_REGISTRATIONS_PER_HOUR)),
                new ConsentHttpService(admin, consent, adminConfig)};
    }
}
