package com.lucenthq.mcp.adapters.admin;

import com.lucenthq.mcp.application.port.in.admin.AdminSignIn;
import com.lucenthq.mcp.application.port.in.oauth.AuthorizationCheck;
import com.lucenthq.mcp.application.port.in.oauth.AuthorizationRequest;
import com.lucenthq.mcp.application.port.in.oauth.ValidAuthorization;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.admin.AdminPrincipal;
import com.lucenthq.mcp.domain.oauth.Registration;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OAuth consent screen, under the settings page ({@value #PATH}) so that it has the admin session cookie and
 * the same protections: no caching, no framing, a strict CSP, and state-changing POSTs only from our own origin
 * with a live session. An admin without a session signs in here with an admin key. The page is rendered on the
 * server and needs no script; every value shown is HTML-escaped. The authorization request travels in hidden
 * fields and is checked again on every step, so any replica can serve any step. The grant's org is the session's,
 * and the form names the org it showed: a decision posted under another org's session is refused.
 */
public final class ConsentHttpService implements HttpService {

    public static final String PATH = AdminHttpService.ROOT + "/oauth/consent";
    static final String SIGN_IN_PATH = PATH + "/sign-in";
    static final List<String> REQUEST_PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "state",
            "code_challenge", "code_challenge_method", "resource", "scope");

    private static final Logger LOG = Logger.getLogger(ConsentHttpService.class.getName());
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName OPENER_POLICY = HeaderNames.create("Cross-Origin-Opener-Policy");
    private static final String BASE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final AdminUseCases admin;
    private final ConsentUseCases consent;
    private final AdminHttpConfig config;
    private final SameOrigin sameOrigin;

    public ConsentHttpService(AdminUseCases admin, ConsentUseCases consent, AdminHttpConfig config) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.config = Objects.requireNonNull(config, "config");
        this.sameOrigin = new SameOrigin(config.origins());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, guarded(this::show))
                .post(PATH, guarded(this::decide))
                .post(SIGN_IN_PATH, guarded(this::signIn));
    }

    /** Page outcomes other than a page: thrown by checks, answered in {@link #guarded}. */
    private static final class Refusal extends RuntimeException {
        private final Status status;

        Refusal(Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private interface PageHandler {
        void handle(ServerRequest request, ServerResponse response);
    }

    // --- steps -------------------------------------------------------------------------------------------

    private void show(ServerRequest request, ServerResponse response) {
        Map<String, String> parameters = parameters(request.query().rawValue());
        Optional<ValidAuthorization> authorization = checked(parameters, response);
        if (authorization.isEmpty()) {
            return;
        }
        Optional<AdminPrincipal> signedIn = AdminHttpService.sessionCookie(request).flatMap(admin.authenticate()::authenticate);
        if (signedIn.isEmpty()) {
            page(response, Status.OK_200, authorization.get(), signInForm(parameters, null));
            return;
        }
        page(response, Status.OK_200, authorization.get(), consentForm(parameters, authorization.get(), signedIn.get()));
    }

    private void signIn(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        Map<String, String> form = parameters(body(request));
        Optional<ValidAuthorization> authorization = checked(form, response);
        if (authorization.isEmpty()) {
            return;
        }
        switch (admin.startSession().start(form.get("admin_key"))) {
            case AdminSignIn.Started started -> {
                AdminHttpService.sessionCookie(request).ifPresent(admin.endSession()::end);
                LOG.info(() -> "Admin signed in to org " + started.principal().org() + " with admin key "
                        + started.principal().keyId() + " on the OAuth consent screen");
                response.header(HeaderNames.SET_COOKIE, AdminHttpService.SESSION_COOKIE + "=" + started.cookie().reveal()
                        + "; Path=" + AdminHttpService.ROOT + "; HttpOnly; SameSite=Strict; Max-Age="
                        + config.sessionLength().toSeconds() + (config.secureCookies() ? "; Secure" : ""));
                redirect(response, URI.create(PATH + "?" + encode(requestParameters(form))));
            }
            case AdminSignIn.Refused refused -> {
                LOG.info("Refused an admin sign-in on the OAuth consent screen: the key is not an admin key of any org");
                page(response, Status.UNAUTHORIZED_401, authorization.get(), signInForm(form,
                        "That admin key is not valid. Create one with: bin/lucent-mcp admin create --org ORG"));
            }
        }
    }

    private void decide(ServerRequest request, ServerResponse response) {
        requireSameOrigin(request);
        AdminPrincipal signedIn = AdminHttpService.sessionCookie(request).flatMap(admin.authenticate()::authenticate)
                .orElseThrow(() -> new Refusal(Status.UNAUTHORIZED_401,
                        "You are not signed in, or your session has ended. Go back to the application and connect again."));
        Map<String, String> form = parameters(body(request));
        Optional<ValidAuthorization> authorization = checked(form, response);
        if (authorization.isEmpty()) {
            return;
        }
        if (!signedIn.org().value().equals(form.get("org"))) {
            throw new Refusal(Status.FORBIDDEN_403, "This request was shown for another organization than the one you"
                    + " are signed in to (" + signedIn.org() + "). Nothing was approved; connect again.");
        }
        String decision = form.get("decision");
        if ("allow".equals(decision)) {
            URI location = consent.decide().allow(signedIn, authorization.get());
            LOG.info(() -> "OAuth access approved in org " + signedIn.org() + " by admin key " + signedIn.keyId());
            redirect(response, location);
        } else if ("deny".equals(decision)) {
            redirect(response, consent.decide().deny(authorization.get()));
        } else {
            throw new Refusal(Status.BAD_REQUEST_400, "Choose Allow or Deny.");
        }
    }

    /** The checked request, or empty with the answer sent: an error page, or the error redirected to the client. */
    private Optional<ValidAuthorization> checked(Map<String, String> parameters, ServerResponse response) {
        AuthorizationRequest request = new AuthorizationRequest(parameters.get("response_type"), parameters.get("client_id"),
                parameters.get("redirect_uri"), parameters.get("state"), parameters.get("code_challenge"),
                parameters.get("code_challenge_method"), parameters.get("resource"), parameters.get("scope"));
        return switch (consent.check().check(request)) {
            case AuthorizationCheck.Valid valid -> Optional.of(valid.authorization());
            case AuthorizationCheck.RedirectError error -> {
                redirect(response, error.location());
                yield Optional.empty();
            }
            case AuthorizationCheck.NotRedirectable error -> throw new Refusal(Status.BAD_REQUEST_400,
                    "This authorization request cannot be completed: " + error.description());
        };
    }

    private void requireSameOrigin(ServerRequest request) {
        List<String> origins = request.headers().all(HeaderNames.ORIGIN, List::of);
        if (origins.size() != 1 || !sameOrigin.matches(origins.getFirst())) {
            throw new Refusal(Status.FORBIDDEN_403, "This form must be sent from " + config.origin()
                    + "; requests from other origins are refused.");
        }
    }

    // --- the page ------------------------------------------------------------------------------------------

    private String signInForm(Map<String, String> parameters, String error) {
        StringBuilder html = new StringBuilder()
                .append("<h1>Sign in to connect an application</h1>")
                .append("<p class=\"lead\">An application asks for access to your organization's Lucent data. Sign in with"
                        + " your organization's admin key to review the request.</p>")
                .append("<form method=\"post\" action=\"").append(SIGN_IN_PATH).append("\" autocomplete=\"off\">")
                .append(hiddenFields(parameters))
                .append("<div class=\"field\"><label for=\"admin-key\">Admin key</label>")
                .append("<input type=\"password\" id=\"admin-key\" name=\"admin_key\" data-testid=\"admin-key-input\""
                        + " autocomplete=\"off\" spellcheck=\"false\" placeholder=\"luc_adm_…\" required>")
                .append("<p class=\"hint\">An operator creates one with <code>bin/lucent-mcp admin create --org ORG</code>.</p></div>");
        if (error != null) {
            html.append("<p class=\"field-error\" role=\"alert\" data-testid=\"login-error\">").append(escape(error)).append("</p>");
        }
        return html.append("<div class=\"actions\"><button type=\"submit\" class=\"button button-primary\""
                + " data-testid=\"login-submit\">Sign in</button></div></form>").toString();
    }

    private String consentForm(Map<String, String> parameters, ValidAuthorization authorization, AdminPrincipal signedIn) {
        String registration = authorization.client().registration() == Registration.DYNAMIC
                ? "Registered itself dynamically: its name is not verified."
                : "Identified by its client metadata document at " + authorization.client().id().value() + ".";
        return new StringBuilder()
                .append("<h1>Allow <span data-testid=\"client-name\">").append(escape(authorization.client().name().value()))
                .append("</span> to access Lucent?</h1>")
                .append("<dl class=\"consent-details\">")
                .append("<dt>Organization</dt><dd data-testid=\"consent-org\">").append(escape(signedIn.org().value())).append("</dd>")
                .append("<dt>Access</dt><dd data-testid=\"consent-scope\">read-only access to issues, signals and insights</dd>")
                .append("<dt>Returns you to</dt><dd data-testid=\"redirect-host\">")
                .append(escape(hostOf(authorization.redirectUri()))).append("</dd>")
                .append("<dt>Registration</dt><dd data-testid=\"registration\">").append(escape(registration)).append("</dd>")
                .append("</dl>")
                .append("<p class=\"hint\">Only allow applications you started yourself. You can revoke access at any time"
                        + " under Organization settings → MCP.</p>")
                .append("<form method=\"post\" action=\"").append(PATH).append("\">")
                .append(hiddenFields(parameters))
                .append("<input type=\"hidden\" name=\"org\" value=\"").append(escape(signedIn.org().value())).append("\">")
                .append("<div class=\"actions\">")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"button button-secondary\""
                        + " data-testid=\"deny-button\">Deny</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\" class=\"button button-primary\""
                        + " data-testid=\"allow-button\">Allow</button>")
                .append("</div></form>").toString();
    }

    private void page(ServerResponse response, Status status, ValidAuthorization authorization, String content) {
        securityHeaders(response, formActionFor(authorization.redirectUri()));
        sendHtml(response, status, content);
    }

    private static void sendHtml(ServerResponse response, Status status, String content) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"same-origin\"><title>Connect an application · Lucent</title>"
                + "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"" + AdminHttpService.ROOT + "/app.css\">"
                + "</head><body><main class=\"page\"><section class=\"card sign-in\">" + content
                + "</section></main></body></html>";
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        response.send(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String hiddenFields(Map<String, String> parameters) {
        StringBuilder fields = new StringBuilder();
        for (String name : REQUEST_PARAMETERS) {
            String value = parameters.get(name);
            if (value != null) {
                fields.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value)).append("\">");
            }
        }
        return fields.toString();
    }

    /**
     * After Allow or Deny the browser is redirected to the client, and browsers apply {@code form-action} to the
     * redirects that follow a form submission: the client's redirect origin must be allowed there too.
     */
    private static String formActionFor(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return scheme + ":";
        }
        if (uri.getHost().contains(":")) {
            // CSP host sources cannot name an IPv6 literal; a scheme source is the narrowest that works.
            return scheme + ":";
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String hostOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ": (an application on this device)";
    }

    private static void securityHeaders(ServerResponse response, String redirectSource) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(CONTENT_SECURITY_POLICY, redirectSource == null ? BASE_POLICY : BASE_POLICY + " " + redirectSource);
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        // Not no-referrer: under it a browser sends "Origin: null" on form POSTs, even same-origin ones, and the
        // same-origin check would refuse every Sign in, Allow and Deny. same-origin still sends no Referer to the client.
        response.header(REFERRER_POLICY, "same-origin");
        response.header(FRAME_OPTIONS, "DENY");
        response.header(OPENER_POLICY, "same-origin");
    }

    private static void redirect(ServerResponse response, URI location) {
        response.header(HeaderNames.LOCATION, location.toString());
        response.status(Status.SEE_OTHER_303).send();
    }

    private Handler guarded(PageHandler handler) {
        return (request, response) -> {
            securityHeaders(response, null);
            try {
                handler.handle(request, response);
            } catch (Refusal refusal) {
                message(response, refusal.status, refusal.getMessage());
            } catch (TokenStoreUnavailableException e) {
                LOG.warning("OAuth consent: the token store is unavailable (" + e.getMessage() + ")");
                response.header(HeaderNames.RETRY_AFTER, Integer.toString(AdminHttpService.RETRY_AFTER_SECONDS));
                message(response, Status.SERVICE_UNAVAILABLE_503, "Temporarily unavailable. Try again in a few seconds.");
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "OAuth consent failed; reference " + reference, e);
                message(response, Status.INTERNAL_SERVER_ERROR_500,
                        "Something went wrong on our side. If it persists, report reference " + reference + ".");
            }
        };
    }

    private static void message(ServerResponse response, Status status, String text) {
        if (!response.isSent()) {
            sendHtml(response, status, "<h1>Cannot connect the application</h1><p role=\"alert\" data-testid=\"consent-error\">"
                    + escape(text) + "</p>");
        }
    }

    // --- parameters -----------------------------------------------------------------------------------------

    /** Form or query parameters; a repeated one is refused, as OAuth requires (RFC 6749 §3.1). */
    private static Map<String, String> parameters(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        try {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (values.putIfAbsent(name, value) != null) {
                    throw new Refusal(Status.BAD_REQUEST_400, "The request repeats the parameter " + name + ".");
                }
            }
        } catch (IllegalArgumentException malformed) {
            throw new Refusal(Status.BAD_REQUEST_400, "The request is not well-formed.");
        }
        values.values().removeIf(String::isEmpty);
        return values;
    }

    private static Map<String, String> requestParameters(Map<String, String> form) {
        Map<String, String> request = new HashMap<>();
        REQUEST_PARAMETERS.forEach(name -> {
            if (form.get(name) != null) {
                request.put(name, form.get(name));
            }
        });
        return request;
    }

    private static String encode(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        for (String name : REQUEST_PARAMETERS) {
            String value = parameters.get(name);
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String body(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw new Refusal(Status.UNSUPPORTED_MEDIA_TYPE_415, "Send the form as application/x-www-form-urlencoded.");
        }
        OptionalLong length = request.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > AdminHttpService.MAX_BODY_BYTES) {
            throw new Refusal(Status.REQUEST_ENTITY_TOO_LARGE_413, "The form is too large.");
        }
        if (!request.content().hasEntity()) {
            return "";
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(AdminHttpService.MAX_BODY_BYTES + 1);
            if (bytes.length > AdminHttpService.MAX_BODY_BYTES) {
                throw new Refusal(Status.REQUEST_ENTITY_TOO_LARGE_413, "The form is too large.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refusal(Status.BAD_REQUEST_400, "The form could not be read.");
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
