package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer to HEAD carries no content on any path of the full server: content there would be read by
 * a client or proxy that reuses the connection as the start of its next answer.
 */
class HeadRequestsTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @TempDir
    static Path dataDir;
    private static FullServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5), FullServerFixture.NO_LIMITS);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/mcp", "/api/sse", "/api/message", "/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/api/mcp", "/admin/api/tokens", "/no/such/path",
            "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/oauth/authorize", "/oauth/token",
            "/admin/oauth/consent"})
    void headIsAnsweredWithoutContentAndTheConnectionStaysInStep(String path) throws Exception {
        String exchange = headThenGet(path);

        Matcher statuses = STATUS_LINE.matcher(exchange);
        List<Integer> codes = statuses.results().map(match -> Integer.parseInt(match.group(1))).toList();
        assertEquals(2, codes.size(), exchange);
        assertTrue(codes.get(0) >= 400 && codes.get(0) < 500, exchange);
        assertEquals(200, codes.get(1), "the second answer must start right after the first's headers:\n" + exchange);
        int endOfFirstHeaders = exchange.indexOf("\r\n\r\n") + 4;
        assertTrue(exchange.startsWith("HTTP/1.1 200 ", endOfFirstHeaders), exchange);
    }

    /** HEAD {@code path}, then on the same connection GET the discovery document, and read both answers. */
    private static String headThenGet(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readTwoAnswers(socket.getInputStream());
        }
    }

    /** Reads until the second answer is complete by its Content-Length (the server may keep the connection open). */
    private static String readTwoAnswers(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            int second = text.indexOf("HTTP/1.1 ", 1);
            int headersEnd = second < 0 ? -1 : text.indexOf("\r\n\r\n", second);
            if (headersEnd >= 0) {
                Matcher length = CONTENT_LENGTH.matcher(text.substring(second, headersEnd));
                if (length.find() && text.length() >= headersEnd + 4 + Integer.parseInt(length.group(1))) {
                    break;
                }
            }
        }
        return text.toString();
    }
}
