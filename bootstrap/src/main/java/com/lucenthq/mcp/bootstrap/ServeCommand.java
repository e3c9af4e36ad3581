package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the MCP server. Without --data-target (or a per-service target) it also starts the bundled sample data backend "
                + "on loopback, so one command gives a working server.",
                "Every option can also be set with the environment variable named in its description."})
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:LUCENT_MCP_HOST:-127.0.0.1}",
            description = "Address to bind (default: ${DEFAULT-VALUE}; env LUCENT_MCP_HOST).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:LUCENT_MCP_PORT:-8080}",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}; env LUCENT_MCP_PORT).")
    int port;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:LUCENT_MCP_PUBLIC_URL}",
            description = "Base URL clients reach the server at, e.g. https://mcp.example.com behind a proxy "
                    + "(default: http://HOST:PORT; env LUCENT_MCP_PUBLIC_URL).")
    URI publicUrl;

    @Mixin
    DataOptions data;

    @Option(names = "--data-source", paramLabel = "SOURCE", defaultValue = "${env:LUCENT_MCP_DATA_SOURCE:-grpc}",
            converter = DataSourceConverter.class,
            description = "Where issues, signals and insights come from: grpc (the services at --data-target, or the "
                    + "bundled sample backend) or in-memory (the bundled dataset in this process) "
                    + "(default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_SOURCE).")
    DataSource dataSource;

    @Option(names = "--request-read-timeout", paramLabel = "DURATION",
            defaultValue = "${env:LUCENT_MCP_REQUEST_READ_TIMEOUT:-PT30S}",
            description = "On every listener, how long reading a request's headers and body, answering it, or waiting "
                    + "for the next may take before the connection is closed, ISO-8601 (default: ${DEFAULT-VALUE}; "
                    + "env LUCENT_MCP_REQUEST_READ_TIMEOUT).")
    Duration requestReadTimeout;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            defaultValue = "${env:LUCENT_MCP_MAX_CONNECTIONS_PER_ADDRESS:-128}",
            description = "On every listener, connections open at once from one client address (default: "
                    + "${DEFAULT-VALUE}; env LUCENT_MCP_MAX_CONNECTIONS_PER_ADDRESS). Raise it behind a load balancer.")
    int maxConnectionsPerAddress;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "${env:LUCENT_MCP_MAX_REQUEST_BYTES:-1048576}",
            description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}; env LUCENT_MCP_MAX_REQUEST_BYTES).")
    long maxRequestBytes;

    @Option(names = "--max-result-bytes", paramLabel = "BYTES", defaultValue = "${env:LUCENT_MCP_MAX_RESULT_BYTES:-131072}",
            description = "Size budget of one tool result: a longer list is cut, marked truncated and continued by its "
                    + "cursor, to spare the agent's context (default: ${DEFAULT-VALUE}; env LUCENT_MCP_MAX_RESULT_BYTES).")
    int maxResultBytes;

    @Option(names = "--allowed-origin", split = ",", defaultValue = "${env:LUCENT_MCP_ALLOWED_ORIGINS}",
            description = "Browser origins allowed besides the public URL's own, comma-separated (env LUCENT_MCP_ALLOWED_ORIGINS).")
    List<String> allowedOrigins;

    @Option(names = "--authorization-server", split = ",", defaultValue = "${env:LUCENT_MCP_AUTHORIZATION_SERVERS}",
            description = "Issuers named in the protected-resource metadata (default: the public URL; env LUCENT_MCP_AUTHORIZATION_SERVERS).")
    List<URI> authorizationServers;

    @Option(names = "--oauth-access-token-lifetime", paramLabel = "DURATION",
            defaultValue = "${env:LUCENT_MCP_OAUTH_ACCESS_TOKEN_LIFETIME:-PT1H}",
            description = "Lifetime of the access tokens the built-in authorization server issues, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}; env LUCENT_MCP_OAUTH_ACCESS_TOKEN_LIFETIME).")
    Duration oauthAccessTokenLifetime;

    @Option(names = "--client-metadata-allowed-hosts", split = ",", paramLabel = "HOST:PORT",
            defaultValue = "${env:LUCENT_MCP_CLIENT_METADATA_ALLOWED_HOSTS}",
            description = "Hosts whose OAuth client metadata documents may be fetched although they are private or "
                    + "loopback addresses, or plain http (env LUCENT_MCP_CLIENT_METADATA_ALLOWED_HOSTS).")
    List<String> clientMetadataAllowedHosts;

    @Option(names = "--rate-per-token", paramLabel = "RATE", defaultValue = "${env:LUCENT_MCP_RATE_PER_TOKEN:-20/s,burst=40}",
            description = "Requests per token, or off (default: ${DEFAULT-VALUE}; env LUCENT_MCP_RATE_PER_TOKEN).")
    String ratePerToken;

    @Option(names = "--rate-per-address", paramLabel = "RATE", defaultValue = "${env:LUCENT_MCP_RATE_PER_ADDRESS:-50/s,burst=100}",
            description = "Requests per client address, or off; behind a load balancer that hides client addresses, "
                    + "off (default: ${DEFAULT-VALUE}; env LUCENT_MCP_RATE_PER_ADDRESS).")
    String ratePerAddress;

    @Option(names = "--rate-failed-auth", paramLabel = "RATE", defaultValue = "${env:LUCENT_MCP_RATE_FAILED_AUTH:-10/min,burst=20}",
            description = "Refused tokens per client address before it gets 429, or off (default: ${DEFAULT-VALUE}; "
                    + "env LUCENT_MCP_RATE_FAILED_AUTH).")
    String rateFailedAuth;

    @Option(names = "--operations-host", paramLabel = "HOST", defaultValue = "${env:LUCENT_MCP_OPERATIONS_HOST:-127.0.0.1}",
            description = "Address of the /metrics and /health listener, which has no authentication "
                    + "(default: ${DEFAULT-VALUE}; env LUCENT_MCP_OPERATIONS_HOST).")
    String operationsHost;

    @Option(names = "--operations-port", paramLabel = "PORT", defaultValue = "${env:LUCENT_MCP_OPERATIONS_PORT:-9464}",
            description = "Port of the /metrics and /health listener, 0 for any free port (default: ${DEFAULT-VALUE}; "
                    + "env LUCENT_MCP_OPERATIONS_PORT).")
    int operationsPort;

    @Option(names = "--otlp-endpoint", paramLabel = "URL", defaultValue = "${env:LUCENT_MCP_OTLP_ENDPOINT}",
            description = "Export traces over OTLP/HTTP to this URL, e.g. http://collector:4318/v1/traces "
                    + "(default: off; env LUCENT_MCP_OTLP_ENDPOINT).")
    URI otlpEndpoint;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = new ServerSettings(host, port, Optional.ofNullable(publicUrl), database::open,
                dataSource, data.endpoints(), maxRequestBytes, maxResultBytes,
                allowedOrigins == null ? Set.of() : Set.copyOf(allowedOrigins),
                authorizationServers == null ? List.of() : authorizationServers,
                new RateLimits(rate("--rate-per-token", ratePerToken), rate("--rate-per-address", ratePerAddress),
                        rate("--rate-failed-auth", rateFailedAuth), RateLimits.DEFAULTS.maxTrackedKeys()),
                operationsHost, operationsPort, requestReadTimeout, maxConnectionsPerAddress,
                new OAuthOptions(oauthAccessTokenLifetime,
                        clientMetadataAllowedHosts == null ? Set.of() : Set.copyOf(clientMetadataAllowedHosts)));
        LucentServer server = LucentServer.start(settings, tracing(otlpEndpoint));
        serving = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lucent-mcp-shutdown"));
        System.out.println("Lucent MCP listening on " + server.mcpUrl());
        System.out.println("Bound to:       " + server.boundAddresses());
        System.out.println("Settings page:  " + server.settingsPageUrl() + "  (sign in with: bin/lucent-mcp admin create --org acme "
                + database.asArguments() + ")");
        System.out.println("Operations:     " + server.operationsUrl() + "/metrics, /health/live, /health/ready");
        System.out.println("Mint a token:   bin/lucent-mcp token create --org acme --name \"my laptop\" " + database.asArguments());
        System.out.println("Connect Claude: claude mcp add --transport http lucent " + server.mcpUrl()
                + " --header \"Authorization: Bearer luc_mcp_...\"");
        if (authorizationServers == null || authorizationServers.isEmpty()) {
            System.out.println("Or with OAuth: add " + server.mcpUrl() + " as a custom connector; an admin approves it once.");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static Tracing tracing(URI otlpEndpoint) {
        try {
            return otlpEndpoint == null ? Tracing.off() : Tracing.otlp(otlpEndpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--otlp-endpoint: " + e.getMessage(), e);
        }
    }

    /** Reads {@code --data-source}, naming the allowed values when it is none of them. */
    static final class DataSourceConverter implements CommandLine.ITypeConverter<DataSource> {
        @Override
        public DataSource convert(String text) {
            return DataSource.parse(text);
        }
    }

    private static Optional<RateLimits.Rate> rate(String option, String text) {
        try {
            return RateLimits.parseRate(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
