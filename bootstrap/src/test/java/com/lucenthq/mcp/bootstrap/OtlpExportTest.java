package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --otlp-endpoint}'s exporter, as {@code serve} builds it (OTLP/HTTP over the JDK's HTTP client), against a
 * real HTTP receiver: the spans of a traced request arrive there, at the latest when the server stops.
 */
class OtlpExportTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private record Received(String method, String path, String contentType, byte[] body) {
    }

    @TempDir
    Path dataDir;

    @Test
    void theSpansOfATracedRequestArriveAtTheOtlpEndpoint() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces");
            try (FullServerFixture fixture = FullServerFixture.start(dataDir, DataEndpoints.allAt(Optional.empty(),
                    new DataChannelSecurity.Plaintext(), Duration.ofSeconds(10)), RateLimits.DEFAULTS,
                    Tracing.otlp(endpoint))) {
                HttpRequest request = HttpRequest.newBuilder(fixture.listIssues("Bearer " + fixture.token), (n, v) -> true)
                        .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01").build();
                assertEquals(200, fixture.send(request).statusCode());
            }
            assertFalse(received.isEmpty(), "stopping the server flushes the batch");
            Received first = received.getFirst();
            assertEquals("POST", first.method());
            assertEquals("/v1/traces", first.path());
            assertEquals("application/x-protobuf", first.contentType());
            byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
            assertTrue(received.stream().anyMatch(export -> contains(export.body(), traceId)),
                    "an exported span carries the caller's trace id");
        } finally {
            receiver.stop(0);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
