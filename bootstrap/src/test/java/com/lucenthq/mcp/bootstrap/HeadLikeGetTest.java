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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD on the settings page answers as GET does, without the content, and the connection stays in step. */
class HeadLikeGetTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?i)content-type: *([^\r\n]+)");

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
    @ValueSource(strings = {"/admin/", "/admin/index.html", "/admin/app.js", "/admin/app.css"})
    void headAnswersWhatGetWouldWithoutItsContent(String path) throws Exception {
        String get = exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", false);
        String head = exchange("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", true);

        assertTrue(get.startsWith("HTTP/1.1 200 "), get);
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        String headHeaders = head.substring(0, head.indexOf("\r\n\r\n"));
        String getHeaders = get.substring(0, get.indexOf("\r\n\r\n"));
        assertEquals(value(CONTENT_TYPE, getHeaders), value(CONTENT_TYPE, headHeaders));
        assertEquals(value(CONTENT_LENGTH, getHeaders), value(CONTENT_LENGTH, headHeaders));
        assertTrue(head.startsWith("HTTP/1.1 200 ", headHeaders.length() + 4),
                "the GET answer starts right after HEAD's headers:\n" + head);
    }

    private static String value(Pattern header, String headers) {
        Matcher matcher = header.matcher(headers);
        assertTrue(matcher.find(), headers);
        return matcher.group(1);
    }

    /** Sends {@code requests}; reads one complete answer, or (after a HEAD) the header block and then one complete answer. */
    private static String exchange(String requests, boolean afterHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                int start = afterHead ? text.indexOf("HTTP/1.1 ", text.indexOf("\r\n\r\n") + 4) : 0;
                int headersEnd = start < 0 || text.indexOf("\r\n\r\n") < 0 ? -1 : text.indexOf("\r\n\r\n", start);
                if (headersEnd >= 0) {
                    Matcher length = CONTENT_LENGTH.matcher(text.substring(start, headersEnd + 2));
                    if (length.find() && text.length() >= headersEnd + 4 + Integer.parseInt(length.group(1))) {
                        break;
                    }
                }
            }
            return text.toString();
        }
    }
}
