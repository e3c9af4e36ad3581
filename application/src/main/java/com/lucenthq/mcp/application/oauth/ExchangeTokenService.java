package com.lucenthq.mcp.application.oauth;

import com.lucenthq.mcp.application.port.in.oauth.ExchangeToken;
import com.lucenthq.mcp.application.port.in.oauth.OAuthError;
import com.lucenthq.mcp.application.port.in.oauth.TokenRequest;
import com.lucenthq.mcp.application.port.in.oauth.TokenResult;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import com.lucenthq.mcp.domain.oauth.OAuthSettings;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Redeems codes and rotates refresh tokens. A code is marked used before anything else is checked, so that of two
 * concurrent redemptions (on any replicas) at most one succeeds; a code that fails any check after that, or that
 * is presented again, revokes its grant (RFC 6749 §4.1.2, §10.5), and so does a replayed refresh token (OAuth 2.1
 * §4.3.1). Every refusal issues nothing.
 */
public final class ExchangeTokenService implements ExchangeToken {

    private final GrantStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final OAuthSettings settings;

    public ExchangeTokenService(GrantStore store, SecretGenerator generator, SecretHasher hasher, Clock clock,
                                OAuthSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public TokenResult exchange(TokenRequest request) {
        if (request.grantType() == null) {
            return refused(OAuthError.INVALID_REQUEST, "grant_type is required.");
        }
        return switch (request.grantType()) {
            case "authorization_code" -> redeemCode(request);
            case "refresh_token" -> refresh(request);
            default -> refused(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Only the authorization_code and refresh_token grant types are supported.");
        };
    }

    private TokenResult redeemCode(TokenRequest request) {
        Optional<String> missing = firstMissing(request.code(), "code", request.redirectUri(), "redirect_uri",
                request.codeVerifier(), "code_verifier", request.clientId(), "client_id");
        if (missing.isPresent()) {
            return refused(OAuthError.INVALID_REQUEST, missing.get() + " is required.");
        }
        TokenHash hash;
        try {
            hash = hasher.hash(AuthorizationCode.parse(request.code()));
        } catch (InvalidValueException e) {
            return invalidGrant("The authorization code is not valid.");
        }
        Optional<StoredCode> found = store.findCode(hash).filter(code -> code.hash().matches(hash));
        if (found.isEmpty()) {
            return invalidGrant("The authorization code is not valid.");
        }
        StoredCode code = found.get();
        Instant now = clock.now();
        if (code.consumedAt() != null || !store.consumeCode(hash, now)) {
            revoke(code.grant(), now);
            return invalidGrant("The authorization code was already used; the access it granted has been revoked.");
        }
        Optional<String> mismatch = code.isExpiredAt(now) ? Optional.of("The authorization code has expired.")
                : !code.clientId().value().equals(request.clientId()) ? Optional.of("The authorization code was issued to another client.")
                : !code.redirectUri().equals(request.redirectUri()) ? Optional.of("redirect_uri is not the one the code was issued for.")
                : !code.challenge().isVerifiedBy(request.codeVerifier()) ? Optional.of("code_verifier does not match the code_challenge.")
                : Optional.empty();
        if (mismatch.isPresent()) {
            revoke(code.grant(), now);
            return invalidGrant(mismatch.get() + " Start the authorization again.");
        }
        if (request.resource() != null && !request.resource().equals(code.resource())) {
            revoke(code.grant(), now);
            return refused(OAuthError.INVALID_TARGET, "The code was issued for the resource " + code.resource() + ".");
        }
        Optional<Grant> grant = store.find(code.grant()).filter(candidate -> !candidate.isRevoked());
        return grant.map(standing -> issue(standing, now))
                .orElseGet(() -> invalidGrant("The access this code granted has been revoked."));
    }

    private TokenResult refresh(TokenRequest request) {
        Optional<String> missing = firstMissing(request.refreshToken(), "refresh_token", request.clientId(), "client_id");
        if (missing.isPresent()) {
            return refused(OAuthError.INVALID_REQUEST, missing.get() + " is required.");
        }
        TokenHash hash;
        try {
            hash = hasher.hash(RefreshToken.parse(request.refreshToken()));
        } catch (InvalidValueException e) {
            return invalidGrant("The refresh token is not valid.");
        }
        Optional<StoredRefreshToken> found = store.findRefreshToken(hash).filter(token -> token.hash().matches(hash));
        if (found.isEmpty()) {
            return invalidGrant("The refresh token is not valid.");
        }
        StoredRefreshToken token = found.get();
        Optional<Grant> grant = store.find(token.grant()).filter(candidate -> !candidate.isRevoked());
        if (grant.isEmpty()) {
            return invalidGrant("The access this refresh token belongs to has been revoked.");
        }
        if (!grant.get().clientId().value().equals(request.clientId())) {
            return invalidGrant("The refresh token was issued to another client.");
        }
        Instant now = clock.now();
        if (token.usedAt() != null || !store.useRefreshToken(hash, now)) {
            store.revoke(grant.get().org(), grant.get().id(), now);
            return invalidGrant("The refresh token was already used; the access it belongs to has been revoked.");
        }
        if (token.isExpiredAt(now)) {
            return invalidGrant("The refresh token has expired; authorize again.");
        }
        if (request.resource() != null && !request.resource().equals(settings.resource())) {
            return refused(OAuthError.INVALID_TARGET, "This server issues tokens only for the resource "
                    + settings.resource() + ".");
        }
        return issue(grant.get(), now);
    }

    private TokenResult issue(Grant grant, Instant now) {
        PlaintextToken access = generator.generate();
        McpToken token = new McpToken(TokenId.random(), grant.org(), tokenName(grant), hasher.hash(access), now, null,
                null, now.plus(settings.accessTokenLifetime()));
        RefreshToken refresh = generator.generateRefreshToken();
        store.issue(grant.id(), token, new StoredRefreshToken(hasher.hash(refresh), grant.id(), now,
                now.plus(settings.refreshTokenLifetime()), null));
        return new TokenResult.Issued(access, settings.accessTokenLifetime(), refresh, OAuthScope.MCP_READ);
    }

    /** The client's name, cut to what a token name may hold. */
    private static TokenName tokenName(Grant grant) {
        String name = grant.clientName().value();
        if (name.codePointCount(0, name.length()) > TokenName.MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, TokenName.MAX_LENGTH));
        }
        return TokenName.of(name);
    }

    private void revoke(GrantId grantId, Instant now) {
        store.find(grantId)
                .ifPresent(grant -> store.revoke(grant.org(), grant.id(), now));
    }

    private static Optional<String> firstMissing(String... valueThenName) {
        for (int i = 0; i < valueThenName.length; i += 2) {
            if (valueThenName[i] == null || valueThenName[i].isEmpty()) {
                return Optional.of(valueThenName[i + 1]);
            }
        }
        return Optional.empty();
    }

    private static TokenResult invalidGrant(String description) {
        return refused(OAuthError.INVALID_GRANT, description);
    }

    private static TokenResult refused(OAuthError error, String description) {
        return new TokenResult.Refused(error, description);
    }
}
