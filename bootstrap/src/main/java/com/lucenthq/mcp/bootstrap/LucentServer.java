package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.admin.AdminHttpConfig;
import com.lucenthq.mcp.adapters.admin.AdminHttpService;
import com.lucenthq.mcp.adapters.admin.AdminUseCases;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.ConnectionGuard;
import com.lucenthq.mcp.adapters.mcp.transport.FailedAuthentication;
import com.lucenthq.mcp.adapters.mcp.transport.MalformedRequestLine;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpService;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running server: its listeners around the use cases of {@link Wiring}, and the order in which they stop. */
final class LucentServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LucentServer.class.getName());
    /** How long requests in flight may take to finish once the server is told to stop. */
    static final Duration SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);

    private static final String OPERATIONS_SOCKET = "operations";

    private final List<AutoCloseable> resources;
    private final WebServer webServer;
    private final URI publicBaseUrl;
    private final AtomicBoolean ready;
    private final String operationsUrl;
    private final String host;
    private final String operationsHost;

    private LucentServer(List<AutoCloseable> resources, WebServer webServer, URI publicBaseUrl, AtomicBoolean ready,
                         String operationsUrl, String host, String operationsHost) {
        this.host = host;
        this.operationsHost = operationsHost;
        this.resources = resources;
        this.webServer = webServer;
        this.publicBaseUrl = publicBaseUrl;
        this.ready = ready;
        this.operationsUrl = operationsUrl;
    }

    static LucentServer start(ServerSettings settings) {
        return start(settings, Tracing.off());
    }

    /** With {@code tracing}, which it closes (exporting what is left) after everything else, or when it cannot start. */
    static LucentServer start(ServerSettings settings, Tracing tracing) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(tracing);
        try {
            ListenerPorts.MCP.requireFree(settings.host(), settings.port());
            ListenerPorts.OPERATIONS.requireFree(settings.operationsHost(), settings.operationsPort());
            TokenDatabase tokens = settings.tokenDatabase().get();
            resources.add(tokens);
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Wiring wiring = new Wiring(tokens);
            Wiring.DataSources data = Wiring.dataSources(settings, resources, tracing);
            McpUseCases mcpUseCases = wiring.mcpUseCases(data, new UsageWriteFailureLog(meters));
            AdminUseCases adminUseCases = wiring.adminUseCases();

            // The public URL is needed for the routing, but may depend on the port bound: bind first when it does.
            int port = settings.port();
            if (port == 0 && settings.publicBaseUrl().isEmpty()) {
                port = freePort(settings.host());
            }
            URI publicBaseUrl = settings.publicBaseUrl(port);
            List<URI> aliases = settings.publicUrlAliases(publicBaseUrl);
            McpHttpConfig mcpConfig = new McpHttpConfig(publicBaseUrl,
                    settings.authorizationServers().isEmpty() ? List.of(publicBaseUrl) : settings.authorizationServers(),
                    McpHttpConfig.forBaseUrl(publicBaseUrl).documentationUrl(), withAliases(settings.allowedOrigins(), aliases),
                    settings.rateLimits(), settings.maxResultBytes());
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new UptimeMetrics().bindTo(meters);
            BuildInfoMetric.register(meters, Version.current());
            AtomicBoolean ready = new AtomicBoolean();
            McpHttpService mcp = new McpHttpService(mcpUseCases, mcpConfig, Version.current().text(), meters,
                    tracing.mcp());
            OperationsHttpService operations = new OperationsHttpService(meters, ready::get, data.channelStates());
            AdminHttpConfig adminConfig = new AdminHttpConfig(publicBaseUrl, mcpConfig.mcpUrl(), Wiring.ADMIN_SESSION_LENGTH,
                    aliases);
            AdminHttpService admin = new AdminHttpService(adminUseCases, adminConfig,
                    new FailedAuthentication(settings.rateLimits())::refused);
            // With an external issuer (--authorization-server), none of our authorization endpoints are served.
            HttpService[] oauth = settings.authorizationServers().isEmpty()
                    ? wiring.oauthServices(adminUseCases, adminConfig, publicBaseUrl, mcpConfig.mcpUrl(), settings.oauth())
                    : new HttpService[0];
            ConnectionGuard publicConnections = new ConnectionGuard(WebServer.DEFAULT_SOCKET_NAME,
                    settings.requestReadTimeout(), settings.maxConnectionsPerAddress());
            resources.add(publicConnections);
            ConnectionGuard operationsConnections = new ConnectionGuard(OPERATIONS_SOCKET,
                    settings.requestReadTimeout(), settings.maxConnectionsPerAddress());
            resources.add(operationsConnections);
            WebServer webServer = WebServer.builder()
                    .host(settings.host())
                    .port(port)
                    .maxPayloadSize(settings.maxRequestBytes())
                    .directHandlers(MalformedRequestLine.handlers())
                    .addConnectionSelector(publicConnections)
                    .shutdownHook(false)
                    .shutdownGracePeriod(SHUTDOWN_GRACE_PERIOD)
                    // Answers are written whole: Nagle's algorithm would only hold their last segment back
                    // until the client's delayed ACK, about 40 ms.
                    .connectionOptions(options -> options.tcpNoDelay(true).readTimeout(settings.requestReadTimeout()))
                    .routing(routing -> routing.addFilter(new CloseAfterRefusal()).register(mcp).register(admin).register(oauth)
                            // Any other HEAD: Helidon's own 404 would carry a body, which a reused connection
                            // would read as the start of the next response.
                            .route(Method.HEAD, "/*", (request, response) -> response.status(Status.NOT_FOUND_404).send()))
                    .putSocket(OPERATIONS_SOCKET, socket -> socket
                            .host(settings.operationsHost())
                            .port(settings.operationsPort())
                            // No operations endpoint takes a body: any body is refused, never drained.
                            .maxPayloadSize(0)
                            .directHandlers(MalformedRequestLine.handlers())
                            .addConnectionSelector(operationsConnections)
                            .connectionOptions(options -> options.readTimeout(settings.requestReadTimeout()))
                            .routing(routing -> routing.addFilter(new CloseAfterRefusal()).register(operations)))
                    .build()
                    .start();
            try {
                ListenerPorts.MCP.requireBound(webServer.port(), settings.host(), port);
                ListenerPorts.OPERATIONS.requireBound(webServer.port(OPERATIONS_SOCKET), settings.operationsHost(),
                        settings.operationsPort());
            } catch (CommandRefusedException e) {
                webServer.stop();
                throw e;
            }
            ready.set(true);
            String host = settings.operationsHost().contains(":") ? "[" + settings.operationsHost() + "]" : settings.operationsHost();
            return new LucentServer(resources, webServer, publicBaseUrl, ready,
                    "http://" + host + ":" + webServer.port(OPERATIONS_SOCKET), settings.host(), settings.operationsHost());
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

    /** The addresses actually bound, which differ from the public URL behind a proxy or with a wildcard host. */
    String boundAddresses() {
        return address(host, webServer.port()) + " (MCP and settings page), "
                + address(operationsHost, webServer.port(OPERATIONS_SOCKET)) + " (operations)";
    }

    private static String address(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
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

    private static Set<String> withAliases(Set<String> allowedOrigins, List<URI> aliases) {
        Set<String> origins = new HashSet<>(allowedOrigins);
        aliases.forEach(alias -> origins.add(alias.toString()));
        return origins;
    }

    private static int freePort(String host) {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port on " + host, e);
        }
    }
}
