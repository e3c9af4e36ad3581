package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request smuggling through a refused body, against the full server over raw sockets: a chunked POST whose first
 * chunk declares more than the size limit carries a complete second request inside its (unread) data. Whatever
 * refuses it, one connection must carry exactly one answer and then be closed, on every listener.
 */
class RequestSmugglingTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    /** The fixture's --max-request-bytes is 1 MiB: this first chunk declares one byte more. */
    private static final String OVERSIZE_CHUNK = Integer.toHexString((1 << 20) + 1);
    private static final String HIDDEN = "GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    Path dataDir;

    private FullServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5), FullServerFixture.NO_LIMITS);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anOversizeChunkToTheMcpEndpointWithAValidTokenGetsOne413AndTheConnectionIsClosed() throws IOException {
        Exchange exchange = smuggle(fixture.server.port(), "/api/mcp",
                "Authorization: Bearer " + fixture.token + "\r\nAccept: application/json, text/event-stream\r\n");
        assertEquals(List.of(413), exchange.statuses(), exchange.text());
        assertTrue(exchange.closed(), "the connection is closed after the 413");
        fixture.assertHealthy();
    }

    @Test
    void anOversizeChunkRefusedBeforeItsBodyIsReadGetsOneAnswerAndTheConnectionIsClosed() throws IOException {
        for (String path : List.of("/api/mcp", "/admin/api/tokens", "/admin/api/tokens/x/revoke", "/admin/api/nothing",
                "/nowhere")) {
            Exchange exchange = smuggle(fixture.server.port(), path, "");
            assertEquals(1, exchange.statuses().size(), path + ": " + exchange.text());
            assertTrue(exchange.closed(), path + ": the connection is closed after the answer");
        }
        fixture.assertHealthy();
    }

    @Test
    void anOversizeChunkToTheAdminSignInGetsOne413AndTheConnectionIsClosed() throws IOException {
        Exchange exchange = smuggle(fixture.server.port(), "/admin/api/session",
                "Origin: http://127.0.0.1:" + fixture.server.port() + "\r\n");
        assertEquals(List.of(413), exchange.statuses(), exchange.text());
        assertTrue(exchange.closed(), "the connection is closed after the 413");
    }

    @Test
    void anOversizeChunkToTheOperationsListenerGetsOneAnswerAndTheConnectionIsClosed() throws IOException {
        int port = URI.create(fixture.server.operationsUrl()).getPort();
        for (String path : List.of("/metrics", "/health/ready", "/nowhere")) {
            Exchange exchange = smuggle(port, path, "");
            assertEquals(1, exchange.statuses().size(), path + ": " + exchange.text());
            assertTrue(exchange.closed(), path + ": the connection is closed after the answer");
        }
    }

    @Test
    void aRefusalBeforeASmallBodyIsReadSaysConnectionCloseAndAnswersNothingAfterIt() throws IOException {
        String refused = post("/api/mcp", "", FullServerFixture.LIST_ISSUES);
        Exchange exchange = exchange(fixture.server.port(), refused + HIDDEN);
        assertEquals(List.of(401), exchange.statuses(), exchange.text());
        assertTrue(exchange.text().contains("Connection: close"), exchange.text());
        assertTrue(exchange.closed(), "the connection is closed after the 401");
    }

    @Test
    void answeredCallsKeepTheConnectionForTheNextRequest() throws IOException {
        String call = post("/api/mcp", "Authorization: Bearer " + fixture.token
                + "\r\nAccept: application/json, text/event-stream\r\n", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        Exchange exchange = exchange(fixture.server.port(), call + call.replace("Host:", "Connection: close\r\nHost:"));
        assertEquals(List.of(200, 200), exchange.statuses(), exchange.text());
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** What one connection carried back: every status line, and whether the server closed it. */
    record Exchange(String text, boolean closed) {
        List<Integer> statuses() {
            Matcher matcher = STATUS_LINE.matcher(text);
            return matcher.results().map(result -> Integer.parseInt(result.group(1))).toList();
        }
    }

    /** A chunked POST whose first chunk declares more than the limit and holds a whole request, then waits. */
    private static Exchange smuggle(int port, String path, String headers) throws IOException {
        return exchange(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n"
                + OVERSIZE_CHUNK + "\r\n" + HIDDEN);
    }

    /** Sends {@code request} (one or more) and reads until the server closes, or for 5 s of silence. */
    private static Exchange exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                // still open after 5 s of silence: the server waits for more of this connection
            } catch (IOException e) {
                closed = true; // reset: closed with our unread bytes in its buffer
            }
            return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }
}
