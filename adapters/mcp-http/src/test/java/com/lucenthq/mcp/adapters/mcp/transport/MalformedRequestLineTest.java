package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An invalid method token in the request line is answered 400, not Helidon 4.5.0's 500, over a raw socket. */
class MalformedRequestLineTest {

    private static McpTestServer server;

    @BeforeAll
    static void start() {
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P\u00d6ST /api/mcp HTTP/1.1", "PO\u0001ST /api/mcp HTTP/1.1", "PO(ST /api/mcp HTTP/1.1",
        "P\"ST /api/mcp HTTP/1.1"})
    void anInvalidMethodTokenIs400(String requestLine) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port("@default")), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = statusLine(socket.getInputStream());
            assertEquals("HTTP/1.1 400 Bad Request", answer);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
