package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.admin.AdminHttpConfig;
import com.lucenthq.mcp.adapters.admin.AdminHttpService;
import com.lucenthq.mcp.adapters.admin.AdminUseCases;
import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.FailedAuthentication;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpService;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.lucenthq.mcp.application.admin.AuthenticateAdminSessionService;
import com.lucenthq.mcp.application.admin.EndAdminSessionService;
import com.lucenthq.mcp.application.admin.StartAdminSessionService;
import com.lucenthq.mcp.application.query.GetInsightService;
import com.lucenthq.mcp.application.query.GetIssueService;
import com.lucenthq.mcp.application.query.GetSignalService;
import com.lucenthq.mcp.application.query.ListInsightsService;
import com.lucenthq.mcp.application.query.ListIssuesService;
import com.lucenthq.mcp.application.query.ListSignalsService;
import com.lucenthq.mcp.application.token.AuthenticateTokenService;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.application.token.ListTokensService;
import com.lucenthq.mcp.application.token.RevokeTokenService;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running server: the wiring of every adapter, and the order in which they stop. */
final class LucentServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LucentServer.class.getName());
    /** How stale "last used" may be; at most one write per token per interval. */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);
    static final Clock SYSTEM_CLOCK = Instant::now;
    /** How long requests in flight may take to finish once the server is told to stop. */
    static final Duration SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);
    /** How long a sign-in to the settings page lasts. */
    static final Duration ADMIN_SESSION_LENGTH = Duration.ofHours(8);

    private static final String OPERATIONS_SOCKET = "operations";

    private final List<AutoCloseable> resources;
    private final WebServer webServer;
    private final URI publicBaseUrl;
    private final AtomicBoolean ready;
    private final String operationsUrl;

    private LucentServer(List<AutoCloseable> resources, WebServer webServer, URI publicBaseUrl, AtomicBoolean ready,
                         String operationsUrl) {
        this.resources = resources;
        this.webServer = webServer;
        this.publicBaseUrl = publicBaseUrl;
        this.ready = ready;
        this.operationsUrl = operationsUrl;
    }

    static LucentServer start(ServerSettings settings) {
        return start(settings, Tracing.off());
    }

    /** With {@code tracing}, which it closes (exporting what is left) after everything else. */
    static LucentServer start(ServerSettings settings, Tracing tracing) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(tracing);
        try {
            DataServices data = DataServices.open(settings.dataEndpoints(), tracing);
            resources.add(data);
            TokenDatabase tokens = settings.tokenDatabase().get();
            resources.add(tokens);

            SecretHasher hasher = new Sha256SecretHasher();
            SecretGenerator generator = new SecureRandomSecretGenerator();
            IssueSource issues = data.issues();
            SignalSource signals = data.signals();
            InsightSource insights = data.insights();
            McpUseCases mcpUseCases = new McpUseCases(
                    new AuthenticateTokenService(tokens.tokenStore(), hasher, SYSTEM_CLOCK, LAST_USED_INTERVAL),
                    new ListIssuesService(issues),
                    new GetIssueService(issues),
                    new ListSignalsService(signals),
                    new GetSignalService(signals),
                    new ListInsightsService(insights, SYSTEM_CLOCK),
                    new GetInsightService(insights));
            AdminUseCases adminUseCases = new AdminUseCases(
                    new StartAdminSessionService(tokens.adminStore(), generator, hasher, SYSTEM_CLOCK, ADMIN_SESSION_LENGTH),
                    new AuthenticateAdminSessionService(tokens.adminStore(), hasher, SYSTEM_CLOCK),
                    new EndAdminSessionService(tokens.adminStore(), hasher),
                    new CreateTokenService(tokens.tokenStore(), generator, hasher, SYSTEM_CLOCK),
                    new ListTokensService(tokens.tokenStore()),
                    new RevokeTokenService(tokens.tokenStore(), SYSTEM_CLOCK));

            // The public URL is needed for the routing, but may depend on the port bound: bind first when it does.
            int port = settings.port();
            if (port == 0 && settings.publicBaseUrl().isEmpty()) {
                port = freePort(settings.host());
            }
            URI publicBaseUrl = settings.publicBaseUrl(port);
            McpHttpConfig mcpConfig = new McpHttpConfig(publicBaseUrl,
                    settings.authorizationServers().isEmpty() ? List.of(publicBaseUrl) : settings.authorizationServers(),
                    McpHttpConfig.forBaseUrl(publicBaseUrl).documentationUrl(), settings.allowedOrigins(),
                    settings.rateLimits(), settings.maxResultBytes());
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new UptimeMetrics().bindTo(meters);
            AtomicBoolean ready = new AtomicBoolean();
            McpHttpService mcp = new McpHttpService(mcpUseCases, mcpConfig, Version.current(), meters, tracing.mcp());
            OperationsHttpService operations = new OperationsHttpService(meters, ready::get, data::channelStates);
            AdminHttpService admin = new AdminHttpService(adminUseCases,
                    new AdminHttpConfig(publicBaseUrl, mcpConfig.mcpUrl(), ADMIN_SESSION_LENGTH),
                    new FailedAuthentication(settings.rateLimits())::refused);
            WebServer webServer = WebServer.builder()
                    .host(settings.host())
                    .port(port)
                    .maxPayloadSize(settings.maxRequestBytes())
                    .shutdownHook(false)
                    .shutdownGracePeriod(SHUTDOWN_GRACE_PERIOD)
                    // Answers are written whole: Nagle's algorithm would only hold their last segment back
                    // until the client's delayed ACK, about 40 ms.
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .routing(routing -> routing.addFilter(new CloseAfterRefusal()).register(mcp).register(admin)
                            // Any other HEAD: Helidon's own 404 would carry a body, which a reused connection
                            // would read as the start of the next response.
                            .route(Method.HEAD, "/*", (request, response) -> response.status(Status.NOT_FOUND_404).send()))
                    .putSocket(OPERATIONS_SOCKET, socket -> socket
                            .host(settings.operationsHost())
                            .port(settings.operationsPort())
                            // No operations endpoint takes a body: any body is refused, never drained.
                            .maxPayloadSize(0)
                            .routing(routing -> routing.addFilter(new CloseAfterRefusal()).register(operations)))
                    .build()
                    .start();
            ready.set(true);
            String host = settings.operationsHost().contains(":") ? "[" + settings.operationsHost() + "]" : settings.operationsHost();
            return new LucentServer(resources, webServer, publicBaseUrl, ready,
                    "http://" + host + ":" + webServer.port(OPERATIONS_SOCKET));
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    int port() {
        return webServer.port();
    }

    String mcpUrl() {
        return publicBaseUrl + McpHttpConfig.MCP_PATH;
    }

    String operationsUrl() {
        return operationsUrl;
    }

    String settingsPageUrl() {
        return publicBaseUrl + "/admin/";
    }

    /** Stops accepting requests, lets those in flight finish, then closes backends and the token store. */
    @Override
    public void close() {
        // Readiness goes down first, so a load balancer stops sending new requests.
        ready.set(false);
        webServer.stop();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Failed to close " + resources.get(i), e);
            }
        }
        resources.clear();
    }

    private static int freePort(String host) {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port on " + host, e);
        }
    }
}
