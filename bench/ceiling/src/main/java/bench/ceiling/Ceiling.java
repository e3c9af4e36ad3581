package bench.ceiling;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * C0, the ceiling of the benchmark: Helidon SE's WebServer answering {@code POST /api/mcp} with fixed bytes, the
 * very bytes Lucent MCP answered to the same request, as {@code application/json}. It reads (drains) the request
 * body, as any handler must, and does nothing else: no authentication, no JSON parsing, no MCP, no gRPC.
 *
 * <p>The listener is configured as Lucent MCP's ({@code LucentServer}): same host, TCP_NODELAY on, same maximum
 * payload size, so the difference between the two is what Lucent MCP does per request.
 *
 * <p>{@code java -jar ceiling.jar --port N --body FILE}; port 0 picks a free one; prints
 * {@code Ceiling listening on 127.0.0.1:PORT}.
 */
public final class Ceiling {

    private static final long MAX_REQUEST_BYTES = 1_048_576; // Lucent MCP's default --max-request-bytes

    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path body = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--body" -> body = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Ceiling --port N --body FILE");
                    System.exit(2);
                }
            }
        }
        if (body == null) {
            System.err.println("--body FILE is required");
            System.exit(2);
        }
        byte[] answer = Files.readAllBytes(body);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .maxPayloadSize(MAX_REQUEST_BYTES)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing.post("/api/mcp", (request, response) -> {
                    request.content().as(byte[].class); // drain the body
                    response.header(HeaderValues.CONTENT_TYPE_JSON);
                    response.send(answer);
                }))
                .build()
                .start();
        System.out.println("Ceiling listening on 127.0.0.1:" + server.port());
        System.out.flush();
    }
}
