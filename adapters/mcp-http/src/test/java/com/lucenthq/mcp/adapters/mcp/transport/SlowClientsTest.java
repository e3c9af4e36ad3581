package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients against a real Helidon server with the {@link ConnectionGuard} (a 2 s limit per request phase, at most
 * 3 connections per address) over raw sockets: a client dribbling its headers is cut off, and a fourth connection
 * from one address is closed unanswered while another address is served.
 */
class SlowClientsTest {

    private ConnectionGuard guard;
    private McpTestServer server;

    @BeforeEach
    void start() {
        guard = new ConnectionGuard("@default", Duration.ofSeconds(2), 3);
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry(), builder -> builder
                .addConnectionSelector(guard)
                .connectionOptions(options -> options.readTimeout(Duration.ofSeconds(2))));
    }

    @AfterEach
    void stop() {
        server.close();
        guard.close();
    }

    @Test
    void aClientSendingOneHeaderByteAtATimeIsCutOff() throws Exception {
        try (Socket socket = connect("127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean cutOff = false;
            // one byte every 400 ms, 40 bytes at most: far longer than the limit if nothing cut it off
            for (int i = 0; i < 40 && !cutOff; i++) {
                try {
                    out.write('X');
                    out.flush();
                    cutOff = closedWithin(socket, 400);
                } catch (IOException e) {
                    cutOff = true;
                }
            }
            assertTrue(cutOff, "the server closed the connection of a client dribbling its headers");
        }
        assertEquals(200, server.ping(McpTestServer.CLIENT, McpTestServer.TOKEN_A).statusCode(), "still serving");
    }

    @Test
    void connectionsBeyondTheCapPerAddressAreClosedUnansweredWhileAnotherAddressIsServed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect("127.0.0.1");
                socket.getOutputStream().write("POST /api/mcp HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(socket);
            }
            Thread.sleep(300); // let the server take them in
            try (Socket fourth = connect("127.0.0.1")) {
                fourth.getOutputStream().write(("POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                fourth.setSoTimeout(5_000);
                assertEquals(-1, fourth.getInputStream().read(), "closed before any answer");
            }
            assertEquals(200, server.ping(McpTestServer.OTHER_CLIENT, McpTestServer.TOKEN_A).statusCode(),
                    "another address has its own connections");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.port("@default")), 5_000);
        return socket;
    }

    /** Whether the server closed {@code socket}, waiting at most {@code millis} for a sign of it. */
    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            in.read(); // an answer or the end of the stream: either way the server gave up on the request
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
