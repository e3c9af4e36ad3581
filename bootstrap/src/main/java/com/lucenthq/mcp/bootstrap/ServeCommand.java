package com.lucenthq.mcp.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the MCP server. Without --data-target it also starts the bundled sample data backend "
                + "on loopback, so one command gives a working server.",
                "Every option can also be set with the environment variable named in its description."})
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Option(names = "--host", defaultValue = "${env:LUCENT_MCP_HOST:-127.0.0.1}",
            description = "Address to bind (default: ${DEFAULT-VALUE}; env LUCENT_MCP_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:LUCENT_MCP_PORT:-8080}",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}; env LUCENT_MCP_PORT).")
    int port;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--public-url", defaultValue = "${env:LUCENT_MCP_PUBLIC_URL}",
            description = "Base URL clients reach the server at, e.g. https://mcp.example.com behind a proxy "
                    + "(default: http://HOST:PORT; env LUCENT_MCP_PUBLIC_URL).")
    URI publicUrl;

    @Option(names = "--data-target", defaultValue = "${env:LUCENT_MCP_DATA_TARGET}",
            description = "gRPC target of the lucent.data.v1 services, e.g. dns:///data.internal:443 "
                    + "(default: start the bundled sample backend; env LUCENT_MCP_DATA_TARGET).")
    String dataTarget;

    @Option(names = "--data-plaintext", defaultValue = "${env:LUCENT_MCP_DATA_PLAINTEXT:-false}",
            description = "Talk to --data-target without TLS (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_PLAINTEXT).")
    boolean dataPlaintext;

    @Option(names = "--data-deadline", defaultValue = "${env:LUCENT_MCP_DATA_DEADLINE:-PT2S}",
            description = "Deadline of each data-service call, ISO-8601 (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_DEADLINE).")
    Duration dataDeadline;

    @Option(names = "--max-request-bytes", defaultValue = "${env:LUCENT_MCP_MAX_REQUEST_BYTES:-1048576}",
            description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}; env LUCENT_MCP_MAX_REQUEST_BYTES).")
    long maxRequestBytes;

    @Option(names = "--allowed-origin", split = ",", defaultValue = "${env:LUCENT_MCP_ALLOWED_ORIGINS}",
            description = "Browser origins allowed besides the public URL's own, comma-separated (env LUCENT_MCP_ALLOWED_ORIGINS).")
    List<String> allowedOrigins;

    @Option(names = "--authorization-server", split = ",", defaultValue = "${env:LUCENT_MCP_AUTHORIZATION_SERVERS}",
            description = "Issuers named in the protected-resource metadata (default: the public URL; env LUCENT_MCP_AUTHORIZATION_SERVERS).")
    List<URI> authorizationServers;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = new ServerSettings(host, port, Optional.ofNullable(publicUrl), dataDir.dataDir,
                Optional.ofNullable(dataTarget).filter(t -> !t.isBlank()), dataPlaintext, dataDeadline, maxRequestBytes,
                allowedOrigins == null ? Set.of() : Set.copyOf(allowedOrigins),
                authorizationServers == null ? List.of() : authorizationServers);
        LucentServer server = LucentServer.start(settings);
        serving = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lucent-mcp-shutdown"));
        System.out.println("Lucent MCP listening on " + server.mcpUrl());
        System.out.println("Mint a token:   bin/lucent-mcp token create --org acme --name \"my laptop\" --data-dir " + dataDir.dataDir);
        System.out.println("Connect Claude: claude mcp add --transport http lucent " + server.mcpUrl()
                + " --header \"Authorization: Bearer luc_mcp_...\"");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
