package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The full server in process (as {@code serve} wires it) over an H2 token store in a temporary directory, with one
 * minted token, a real HTTP client, and a raw HTTP/1.1 socket for requests that client refuses to send.
 */
final class FullServerFixture implements AutoCloseable {

    /** No rate limits, for tests about something else. */
    static final RateLimits NO_LIMITS = new RateLimits(Optional.empty(), Optional.empty(), Optional.empty(), 50_000);

    static final String LIST_ISSUES = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"list_issues\",\"arguments\":{}}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    final LucentServer server;
    final String token;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FullServerFixture(LucentServer server, String token) {
        this.server = server;
        this.token = token;
    }

    /** {@code dataTarget} empty starts the bundled sample backend. */
    static FullServerFixture start(Path dataDir, Optional<String> dataTarget, Duration dataDeadline, RateLimits limits) {
        return start(dataDir, DataSource.GRPC, DataEndpoints.allAt(dataTarget, new DataChannelSecurity.Plaintext(), dataDeadline),
                limits);
    }

    static FullServerFixture start(Path dataDir, DataEndpoints dataEndpoints, RateLimits limits) {
        return start(dataDir, DataSource.GRPC, dataEndpoints, limits);
    }

    static FullServerFixture start(Path dataDir, DataEndpoints dataEndpoints, RateLimits limits, Tracing tracing) {
        return start(dataDir, DataSource.GRPC, dataEndpoints, limits, tracing);
    }

    /** With the data from {@code source}; {@code dataEndpoints} with targets go with {@link DataSource#GRPC} only. */
    static FullServerFixture start(Path dataDir, DataSource source, DataEndpoints dataEndpoints, RateLimits limits) {
        return start(dataDir, source, dataEndpoints, limits, Tracing.off());
    }

    static FullServerFixture start(Path dataDir, DataSource source, DataEndpoints dataEndpoints, RateLimits limits,
                                   Tracing tracing) {
        LucentServer server = LucentServer.start(new ServerSettings("127.0.0.1", 0, Optional.empty(),
                () -> TokenDatabase.h2File(dataDir), source, dataEndpoints, 1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES,
                Set.of(), List.of(), limits, "127.0.0.1", 0), tracing);
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            String token = new CreateTokenService(database.tokenStore(), new SecureRandomSecretGenerator(),
                    new Sha256SecretHasher(), Wiring.SYSTEM_CLOCK)
                    .create(OrgId.of("acme"), TokenName.of("attacks")).plaintext().reveal();
            return new FullServerFixture(server, token);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    URI mcpUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/mcp");
    }

    HttpRequest listIssues(String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(mcpUri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_ISSUES));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> listIssuesWith(String authorization) {
        return send(listIssues(authorization));
    }

    /** The result object of a tools/call answered with HTTP 200. */
    static JsonNode toolResult(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            JsonNode result = JSON.readTree(response.body()).path("result");
            assertTrue(result.isObject(), response.body());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid call answers 200 with a successful tool result: the server is still serving. */
    void assertHealthy() {
        HttpResponse<String> response = listIssuesWith("Bearer " + token);
        assertEquals(200, response.statusCode(), "a valid call still succeeds: " + response.body());
        assertTrue(response.body().contains("\"isError\":false"), response.body());
    }

    /** What came back on a raw socket: the status (-1 if the server closed without one) and all bytes received. */
    record RawResponse(int status, String text) {
        boolean hasHeader(String name, String valueContains) {
            return text.lines().takeWhile(line -> !line.isEmpty())
                    .anyMatch(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)
                            && line.contains(valueContains));
        }
    }

    /**
     * Sends a POST of the list_issues call with {@code extraHeaderLines} (each "Name: value", as raw bytes, so that
     * anything can be sent) and reads until the server closes the connection.
     */
    RawResponse raw(String path, byte[]... extraHeaderLines) {
        byte[] body = LIST_ISSUES.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] line : extraHeaderLines) {
            request.writeBytes(line);
            request.writeBytes(new byte[] {'\r', '\n'});
        }
        request.writeBytes(new byte[] {'\r', '\n'});
        request.writeBytes(body);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading a huge request: read what it said
            }
            String text = readResponse(socket.getInputStream());
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new RawResponse(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response: up to its Content-Length when it has one, else until the server closes or resets. */
    private static String readResponse(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int contentLength = -1;
        int headerEnd = -1;
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.ISO_8859_1);
                if (headerEnd < 0 && (headerEnd = text.indexOf("\r\n\r\n")) >= 0) {
                    contentLength = text.substring(0, headerEnd).lines()
                            .filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                            .map(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElse(-1);
                }
                if (headerEnd >= 0 && contentLength >= 0 && received.size() >= headerEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset after (or instead of) the answer: keep what arrived
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] header(String line) {
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.close();
    }
}
