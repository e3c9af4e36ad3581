package com.lucenthq.mcp.adapters.mcp.transport;

import com.lucenthq.mcp.adapters.mcp.protocol.McpTracing;
import com.lucenthq.mcp.application.port.in.token.AuthenticateToken;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may call the MCP endpoint: the rate limits, the Origin check and the bearer token, in that order. An admitted
 * request goes on to its handler with its {@link Principal}; any other is answered here (401, 403, 429, 503).
 *
 * <p>The principal is handed over as an argument, not through Helidon's request context: that context is made
 * lazily on first use (a context, its id string and a registry per request, on the hot path), and is the calling
 * thread's own when one is set, which is no place for one request's principal.
 */
final class BearerAdmission {

    private static final Logger LOG = Logger.getLogger(BearerAdmission.class.getName());
    private static final int RETRY_AFTER_SECONDS = 5;

    private final AuthenticateToken authenticate;
    private final McpHttpConfig config;
    private final McpMetrics metrics;
    private final RateLimiter<TokenId> perToken;
    private final RateLimiter<ClientAddress> perAddress;
    private final FailedAuthentication failedAuthentication;
    private final McpTracing tracing;

    BearerAdmission(AuthenticateToken authenticate, McpHttpConfig config, McpMetrics metrics, Ticker ticker,
                    McpTracing tracing) {
        this.tracing = tracing;
        this.authenticate = authenticate;
        this.config = config;
        this.metrics = metrics;
        RateLimits limits = config.rateLimits();
        this.perToken = new RateLimiter<>("per token", limits.perToken(), limits.maxTrackedKeys(), ticker);
        this.perAddress = new RateLimiter<>("per address", limits.perAddress(), limits.maxTrackedKeys(), ticker);
        this.failedAuthentication = new FailedAuthentication(limits, ticker);
    }

    /** A handler of admitted requests: it gets the principal that the bearer token authenticated. */
    @FunctionalInterface
    interface AdmittedHandler {
        void handle(ServerRequest request, ServerResponse response, Principal principal);
    }

    /** {@code handler} for admitted requests only. */
    Handler admitted(AdmittedHandler handler) {
        return (request, response) -> {
            Optional<Principal> principal = tracedAdmit(request, response);
            if (principal.isPresent()) {
                handler.handle(request, response, principal.get());
            }
        };
    }

    /** {@link #admit} in an authentication span, failed with the refusal's HTTP status. */
    private Optional<Principal> tracedAdmit(ServerRequest request, ServerResponse response) {
        McpTracing.OpenSpan span = tracing.authentication();
        Optional<Principal> principal = Optional.empty();
        try {
            principal = admit(request, response);
            return principal;
        } finally {
            span.end(principal.isPresent() ? null : Integer.toString(response.status().code()),
                    principal.isPresent() ? "admitted" : "refused");
        }
    }

    /**
     * Applies the rate limits and checks the origin and the bearer token. On failure the response has been sent and
     * the result is empty. A valid token is never answered with 401: clients switch to an OAuth flow on any 401.
     */
    private Optional<Principal> admit(ServerRequest request, ServerResponse response) {
        ClientAddress address = ClientAddress.of(request.remotePeer().address());
        long wait = perAddress.acquire(address);
        if (wait > 0) {
            return tooManyRequests(response, McpMetrics.Limit.ADDRESS, wait);
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !originAllowed(origin.get())) {
            Responses.plain(response, Status.FORBIDDEN_403, "Origin " + origin.get() + " is not allowed to call this MCP server.");
            return Optional.empty();
        }
        List<String> authorization = request.headers().all(HeaderNames.AUTHORIZATION, List::of);
        AuthenticationResult result;
        try {
            result = BearerCredentials.from(authorization)
                    .map(this::authenticate)
                    .orElseGet(AuthenticationResult.Missing::new);
        } catch (TokenStoreUnavailableException e) {
            LOG.log(Level.WARNING, "Token store unavailable: " + e.getMessage());
            metrics.authFailure(McpMetrics.AuthFailure.STORE_UNAVAILABLE);
            response.header(HeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            Responses.plain(response, Status.SERVICE_UNAVAILABLE_503,
                    "Authentication is temporarily unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds.");
            return Optional.empty();
        }
        // Only presented credentials count: a request without one guesses nothing, and clients probe without one.
        if (!(result instanceof AuthenticationResult.Authenticated) && !authorization.isEmpty()
                && (wait = failedAuthentication.refused(request.remotePeer().address())) > 0) {
            metrics.authFailure(McpMetrics.AuthFailure.RATE_LIMITED);
            return tooManyRequests(response, McpMetrics.Limit.FAILED_AUTH, wait);
        }
        return switch (result) {
            case AuthenticationResult.Authenticated authenticated -> withinTokenLimit(response, authenticated.principal());
            case AuthenticationResult.Missing missing -> unauthorized(response, McpMetrics.AuthFailure.MISSING,
                    authorization.isEmpty() ? null : "Send exactly one Authorization: Bearer luc_mcp_... header");
            case AuthenticationResult.Malformed malformed -> unauthorized(response, McpMetrics.AuthFailure.MALFORMED,
                    "The token is malformed: it must be the full luc_mcp_... value, without spaces");
            case AuthenticationResult.Unknown unknown ->
                    unauthorized(response, McpMetrics.AuthFailure.UNKNOWN, "The token is not valid");
            case AuthenticationResult.Revoked revoked ->
                    unauthorized(response, McpMetrics.AuthFailure.REVOKED, "The token was revoked");
            case AuthenticationResult.Expired expired ->
                    unauthorized(response, McpMetrics.AuthFailure.EXPIRED, "The token has expired");
        };
    }

    private AuthenticationResult authenticate(String presented) {
        long started = System.nanoTime();
        try {
            return authenticate.authenticate(presented);
        } finally {
            metrics.authentication(System.nanoTime() - started);
        }
    }

    private Optional<Principal> withinTokenLimit(ServerResponse response, Principal principal) {
        long wait = perToken.acquire(principal.tokenId());
        return wait > 0 ? tooManyRequests(response, McpMetrics.Limit.TOKEN, wait) : Optional.of(principal);
    }

    /**
     * Takes {@code permits} more from the principal's per-token limit, e.g. for the requests of a batch beyond its
     * first; true when the limit is exceeded and the response has been sent (429).
     */
    boolean overTokenLimit(Principal principal, int permits, ServerResponse response) {
        if (permits == 0) {
            return false;
        }
        long wait = perToken.acquire(principal.tokenId(), permits);
        if (wait == 0) {
            return false;
        }
        tooManyRequests(response, McpMetrics.Limit.TOKEN, wait);
        return true;
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so that a client retrying then is admitted. */
    private Optional<Principal> tooManyRequests(ServerResponse response, McpMetrics.Limit limit, long waitNanos) {
        metrics.rateLimited(limit);
        long seconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        Responses.plain(response, Status.TOO_MANY_REQUESTS_429, switch (limit) {
            case TOKEN -> "Too many requests with this token";
            case ADDRESS -> "Too many requests from this address";
            case FAILED_AUTH -> "Too many failed authentications from this address";
        } + "; retry in " + seconds + " seconds.");
        return Optional.empty();
    }

    /** 401 with the RFC 9728 pointer; {@code error="invalid_token"} only when a credential was sent. */
    private Optional<Principal> unauthorized(ServerResponse response, McpMetrics.AuthFailure reason,
                                             String invalidTokenReason) {
        metrics.authFailure(reason);
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
                .append(config.resourceMetadataUrl()).append("\", scope=\"").append(OAuthScope.MCP_READ).append('"');
        if (invalidTokenReason != null) {
            challenge.append(", error=\"invalid_token\", error_description=\"").append(invalidTokenReason).append('"');
        }
        response.header(HeaderNames.WWW_AUTHENTICATE, challenge.toString());
        Responses.plain(response, Status.UNAUTHORIZED_401, invalidTokenReason == null
                ? "Missing bearer token: send Authorization: Bearer luc_mcp_… (create one in Organization settings → MCP)."
                : invalidTokenReason + ".");
        return Optional.empty();
    }

    private boolean originAllowed(String origin) {
        return origin.equals(config.ownOrigin()) || config.allowedOrigins().contains(origin);
    }
}
