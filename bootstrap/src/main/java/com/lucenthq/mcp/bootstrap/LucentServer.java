package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.crypto.Sha256TokenHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannels;
import com.lucenthq.mcp.adapters.grpc.GrpcInsightSource;
import com.lucenthq.mcp.adapters.grpc.GrpcIssueSource;
import com.lucenthq.mcp.adapters.grpc.GrpcSignalSource;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.McpHttpService;
import com.lucenthq.mcp.adapters.mcp.McpUseCases;
import com.lucenthq.mcp.application.query.GetInsightService;
import com.lucenthq.mcp.application.query.GetIssueService;
import com.lucenthq.mcp.application.query.GetSignalService;
import com.lucenthq.mcp.application.query.ListInsightsService;
import com.lucenthq.mcp.application.query.ListIssuesService;
import com.lucenthq.mcp.application.query.ListSignalsService;
import com.lucenthq.mcp.application.token.AuthenticateTokenService;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.ManagedChannel;
import io.helidon.webserver.WebServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running server: the wiring of every adapter, and the order in which they stop. */
final class LucentServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LucentServer.class.getName());
    /** How stale "last used" may be; at most one write per token per interval. */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);
    static final Clock SYSTEM_CLOCK = Instant::now;

    private final List<AutoCloseable> resources;
    private final WebServer webServer;
    private final URI publicBaseUrl;

    private LucentServer(List<AutoCloseable> resources, WebServer webServer, URI publicBaseUrl) {
        this.resources = resources;
        this.webServer = webServer;
        this.publicBaseUrl = publicBaseUrl;
    }

    static LucentServer start(ServerSettings settings) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            String target = settings.dataTarget().orElseGet(() -> {
                SampleBackend backend = SampleBackend.start(new InetSocketAddress("127.0.0.1", 0), java.time.Clock.systemUTC());
                resources.add(backend);
                LOG.info("Started the bundled sample data backend on 127.0.0.1:" + backend.port());
                return "127.0.0.1:" + backend.port();
            });
            boolean plaintext = settings.dataTarget().isEmpty() || settings.dataPlaintext();
            ManagedChannel channel = DataChannels.open(target, plaintext);
            resources.add(() -> {
                channel.shutdown();
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            });
            TokenDatabase tokens = TokenDatabase.h2File(settings.dataDir());
            resources.add(tokens);

            McpUseCases useCases = new McpUseCases(
                    new AuthenticateTokenService(tokens.tokenStore(), new Sha256TokenHasher(), SYSTEM_CLOCK, LAST_USED_INTERVAL),
                    new ListIssuesService(new GrpcIssueSource(channel, settings.dataDeadline())),
                    new GetIssueService(new GrpcIssueSource(channel, settings.dataDeadline())),
                    new ListSignalsService(new GrpcSignalSource(channel, settings.dataDeadline())),
                    new GetSignalService(new GrpcSignalSource(channel, settings.dataDeadline())),
                    new ListInsightsService(new GrpcInsightSource(channel, settings.dataDeadline()), SYSTEM_CLOCK),
                    new GetInsightService(new GrpcInsightSource(channel, settings.dataDeadline())));

            // The public URL is needed for the routing, but may depend on the port bound: bind first when it does.
            int port = settings.port();
            if (port == 0 && settings.publicBaseUrl().isEmpty()) {
                port = freePort(settings.host());
            }
            URI publicBaseUrl = settings.publicBaseUrl(port);
            McpHttpConfig mcpConfig = new McpHttpConfig(publicBaseUrl,
                    settings.authorizationServers().isEmpty() ? List.of(publicBaseUrl) : settings.authorizationServers(),
                    McpHttpConfig.forBaseUrl(publicBaseUrl).documentationUrl(), settings.allowedOrigins());
            McpHttpService mcp = new McpHttpService(useCases, mcpConfig, Version.current());
            WebServer webServer = WebServer.builder()
                    .host(settings.host())
                    .port(port)
                    .maxPayloadSize(settings.maxRequestBytes())
                    .shutdownHook(false)
                    .routing(routing -> routing.register(mcp))
                    .build()
                    .start();
            return new LucentServer(resources, webServer, publicBaseUrl);
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

    /** Stops accepting requests, lets those in flight finish, then closes backends and the token store. */
    @Override
    public void close() {
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
