package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.application.port.in.oauth.ClientRegistrationRequest;
import com.lucenthq.mcp.application.port.in.oauth.OAuthError;
import com.lucenthq.mcp.application.port.in.oauth.RegisterClient;
import com.lucenthq.mcp.application.port.in.oauth.RegistrationResult;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientName;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import com.lucenthq.mcp.domain.oauth.Registration;
import com.lucenthq.mcp.domain.port.ClientStore;
import com.lucenthq.mcp.domain.port.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers a public client. Every registration is public whatever it asked for ({@code token_endpoint_auth_method}
 * {@code none}, RFC 7591 §3.2.1 lets the server replace values); what it cannot use is refused. Registrations that
 * no grant uses are deleted after {@link OAuthSettings#unusedClientLifetime()}, swept here.
 */
public final class RegisterClientService implements RegisterClient {

    static final int MAX_REDIRECT_URIS = 10;
    static final String DEFAULT_NAME = "Unnamed client";

    private final ClientStore store;
    private final Clock clock;
    private final OAuthSettings settings;

    public RegisterClientService(ClientStore store, Clock clock, OAuthSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public RegistrationResult register(ClientRegistrationRequest request) {
        if (request.redirectUris().isEmpty() || request.redirectUris().size() > MAX_REDIRECT_URIS) {
            return new RegistrationResult.Invalid(OAuthError.INVALID_REDIRECT_URI,
                    "redirect_uris must list 1 to " + MAX_REDIRECT_URIS + " redirect URIs.");
        }
        List<RedirectUri> redirectUris = new ArrayList<>();
        for (String uri : request.redirectUris()) {
            try {
                redirectUris.add(RedirectUri.of(uri));
            } catch (InvalidValueException e) {
                return new RegistrationResult.Invalid(OAuthError.INVALID_REDIRECT_URI, e.getMessage() + ".");
            }
        }
        if (!request.grantTypes().isEmpty() && !request.grantTypes().contains("authorization_code")) {
            return new RegistrationResult.Invalid(OAuthError.INVALID_CLIENT_METADATA,
                    "grant_types must include authorization_code: it is the only way to get a token here.");
        }
        if (!request.responseTypes().isEmpty() && !request.responseTypes().contains("code")) {
            return new RegistrationResult.Invalid(OAuthError.INVALID_CLIENT_METADATA, "response_types must include code.");
        }
        ClientName name;
        try {
            name = ClientName.of(request.clientName() == null ? DEFAULT_NAME : request.clientName());
        } catch (InvalidValueException e) {
            return new RegistrationResult.Invalid(OAuthError.INVALID_CLIENT_METADATA, e.getMessage() + ".");
        }
        Instant now = clock.now();
        store.deleteUnusedCreatedBefore(now.minus(settings.unusedClientLifetime()));
        OAuthClient client = new OAuthClient(ClientId.newDynamic(), name, redirectUris, Registration.DYNAMIC, now);
        store.add(client);
        return new RegistrationResult.Registered(client);
    }
}
