package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.application.port.in.oauth.AuthorizationCheck;
import com.lucenthq.mcp.application.port.in.oauth.AuthorizationRequest;
import com.lucenthq.mcp.application.port.in.oauth.CheckAuthorization;
import com.lucenthq.mcp.application.port.in.oauth.OAuthError;
import com.lucenthq.mcp.application.port.in.oauth.ValidAuthorization;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.CodeChallenge;
import com.lucenthq.mcp.domain.oauth.OAuthClient;
import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import com.lucenthq.mcp.domain.port.ClientMetadataDocuments;
import com.lucenthq.mcp.domain.port.ClientStore;
import com.lucenthq.mcp.domain.port.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of an authorization request, in the order RFC 6749 §4.1.2.1 requires: first the client and its
 * redirect URI (errors shown, never redirected), then everything else (errors redirected to the client).
 * Scopes are not refused: every grant is {@code mcp:read}, which the token response states.
 */
public final class CheckAuthorizationService implements CheckAuthorization {

    static final int MAX_STATE_LENGTH = 2048;

    private final ClientDirectory clients;
    private final OAuthSettings settings;

    /** Clients are looked up in {@code store}, or by their metadata document for a URL client id. */
    public CheckAuthorizationService(ClientStore store, ClientMetadataDocuments metadataDocuments, Clock clock,
                                     OAuthSettings settings) {
        this.clients = new ClientDirectory(store, metadataDocuments, clock);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public AuthorizationCheck check(AuthorizationRequest request) {
        if (request.clientId() == null) {
            return new AuthorizationCheck.NotRedirectable(OAuthError.INVALID_REQUEST, "client_id is required.");
        }
        ClientId clientId;
        try {
            clientId = ClientId.of(request.clientId());
        } catch (InvalidValueException e) {
            return new AuthorizationCheck.NotRedirectable(OAuthError.INVALID_REQUEST, e.getMessage() + ".");
        }
        OAuthClient client;
        switch (clients.find(clientId)) {
            case ClientDirectory.Found found -> client = found.client();
            case ClientDirectory.NotFound notFound -> {
                return new AuthorizationCheck.NotRedirectable(OAuthError.INVALID_CLIENT, notFound.reason());
            }
        }
        if (request.redirectUri() == null) {
            return new AuthorizationCheck.NotRedirectable(OAuthError.INVALID_REQUEST, "redirect_uri is required.");
        }
        if (client.redirectUriFor(request.redirectUri()).isEmpty()) {
            return new AuthorizationCheck.NotRedirectable(OAuthError.INVALID_REQUEST,
                    "redirect_uri is not one that this client registered.");
        }
        Optional<String> state = Optional.ofNullable(request.state());
        if (state.filter(value -> value.length() > MAX_STATE_LENGTH).isPresent()) {
            return error(request, Optional.empty(), OAuthError.INVALID_REQUEST,
                    "state must be at most " + MAX_STATE_LENGTH + " characters.");
        }
        if (!"code".equals(request.responseType())) {
            return error(request, state, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "Only response_type=code is supported.");
        }
        if (request.codeChallenge() == null || !"S256".equals(request.codeChallengeMethod())) {
            return error(request, state, OAuthError.INVALID_REQUEST,
                    "PKCE is required: send code_challenge with code_challenge_method=S256.");
        }
        CodeChallenge challenge;
        try {
            challenge = CodeChallenge.of(request.codeChallenge());
        } catch (InvalidValueException e) {
            return error(request, state, OAuthError.INVALID_REQUEST, e.getMessage() + ".");
        }
        if (request.resource() != null && !request.resource().equals(settings.resource())) {
            return error(request, state, OAuthError.INVALID_TARGET,
                    "This server issues tokens only for the resource " + settings.resource() + ".");
        }
        return new AuthorizationCheck.Valid(new ValidAuthorization(client, request.redirectUri(), challenge, state,
                settings.resource()));
    }

    private AuthorizationCheck error(AuthorizationRequest request, Optional<String> state, OAuthError error,
                                     String description) {
        return new AuthorizationCheck.RedirectError(Redirects.to(request.redirectUri(),
                Map.of("error", error.code(), "error_description", description), state, settings.issuer()));
    }
}
