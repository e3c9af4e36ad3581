package com.lucenthq.mcp.adapters.mcp.transport;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.adapters.mcp.protocol.AuditLog;
import com.lucenthq.mcp.adapters.mcp.protocol.ProtocolVersion;
import com.lucenthq.mcp.adapters.mcp.protocol.RequestRevision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the MCP endpoint of a real Helidon server (rate limits off) with generated malformed and random JSON-RPC
 * bodies and headers. For every request: no 5xx, an answer within {@link #TIMEOUT}, valid JSON whenever the answer
 * says it is JSON, only the JSON-RPC error codes the endpoint may use, and never the bearer token in the answer.
 * After every property a plain {@code ping} must still succeed.
 */
class McpEndpointFuzzTest {

    private static final String TOKEN = McpTestServer.TOKEN_A;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Integer> ALLOWED_ERROR_CODES = Set.of(-32700, -32600, -32601, -32602, -32002,
            RequestRevision.HEADER_MISMATCH, RequestRevision.UNSUPPORTED_PROTOCOL_VERSION);
    private static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call",
            "notifications/initialized", "notifications/cancelled", "resources/list", "resources/templates/list",
            "resources/read", "completion/complete", "logging/setLevel", "prompts/list", "");
    private static final List<String> TOOLS = List.of("list_issues", "get_issue", "list_signals", "get_signal",
            "list_insights", "get_insight");
    private static final List<String> ARGUMENT_NAMES = List.of("cursor", "enabled", "id", "kind", "limit", "query",
            "severity", "signal_id", "since", "sort", "status", "until", "window", "org_id");
    private static final List<String> HTTP_METHODS = List.of("POST", "GET", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD");
    /** Header names the JDK client refuses to set. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reads whatever the server sends, however deep or long. */
    private static final ObjectMapper READER = new ObjectMapper();

    static {
        READER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build());
    }

    /**
     * KNOWN HELIDON BEHAVIOUR: its own 404 for an unrouted HEAD carries content (RFC 9110 section 9.3.2 forbids it),
     * which a reused connection would read as the start of the next answer. McpHttpService answers HEAD on its paths
     * without content and the full server routes every other HEAD (LucentServer, HeadRequestsTest); this adapter-only
     * server does not, so each HEAD here goes over a connection of its own.
     */
    private static final boolean ISOLATE_HEAD_BODY_BUG = true;
    /** Helidon's default limit of the header section; beyond it the server may close while the client still writes. */
    private static final int MAX_HEADERS_SIZE = 16_384;

    /** Server-side log records with a cause, reported with any 5xx. */
    private static final List<LogRecord> serverErrors = new CopyOnWriteArrayList<>();
    private static final Handler serverErrorCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                serverErrors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
    private static final Logger AUDIT = Logger.getLogger(AuditLog.LOGGER);
    private static Level auditLevel;
    private static final AtomicLong closedOnHugeHeaders = new AtomicLong();

    private static McpTestServer server;
    private static HttpClient http;
    private static URI endpoint;
    private static int port;
    private static final AtomicLong requests = new AtomicLong();
    private static final AtomicLong waitingNanos = new AtomicLong();
    private static long requestsBefore;
    private static long waitingBefore;

    @BeforeContainer
    static void start() {
        HELIDON.addHandler(serverErrorCapture);
        auditLevel = AUDIT.getLevel();
        AUDIT.setLevel(Level.WARNING); // one INFO line per tool call would only slow the fuzzing down
        server = new McpTestServer(McpTestServer.NO_LIMITS, new SimpleMeterRegistry());
        port = server.port("@default");
        endpoint = URI.create("http://127.0.0.1:" + port + "/api/mcp");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            assertHealthy();
            System.out.println("McpEndpointFuzzTest sent " + requests.get() + " fuzzed requests; the server closed "
                    + closedOnHugeHeaders.get() + " connections on headers over " + MAX_HEADERS_SIZE + " bytes");
        } finally {
            server.close();
            HELIDON.removeHandler(serverErrorCapture);
            AUDIT.setLevel(auditLevel);
        }
    }

    @AfterProperty
    void stillHealthy() throws Exception {
        System.out.printf("%d requests, %d ms waiting for their answers%n", requests.get() - requestsBefore,
                (waitingNanos.get() - waitingBefore) / 1_000_000);
        requestsBefore = requests.get();
        waitingBefore = waitingNanos.get();
        assertHealthy();
    }


    // ---------------------------------------------------------------- properties

    /** Arbitrary bytes and text as the body of an authenticated POST. */
    @Property(tries = 2000)
    void randomBodies(@ForAll("randomBodies") byte[] body) throws Exception {
        check(send(authenticated(body)));
    }

    /** Structurally valid JSON of random shape. */
    @Property(tries = 1500)
    void randomJson(@ForAll("jsonValues") JsonNode body) throws Exception {
        check(send(authenticated(utf8(body.toString()))));
    }

    /** Objects shaped like JSON-RPC messages with random, missing and wrongly typed members. */
    @Property(tries = 3000)
    void jsonRpcShapedMessages(@ForAll("jsonRpcMessages") JsonNode message) throws Exception {
        check(send(authenticated(utf8(message.toString()))));
    }

    /** Batches, deeply nested structures (far beyond any parser's limit) and huge scalars. */
    @Property(tries = 800)
    void batchesNestingAndHugeValues(@ForAll("hostileBodies") String body) throws Exception {
        check(send(authenticated(utf8(body))));
    }

    /** Random HTTP methods and Authorization, MCP-Protocol-Version, Accept, Content-Type, Origin and other headers. */
    @Property(tries = 2500)
    void randomHeaders(@ForAll("requests") FuzzRequest request) throws Exception {
        HttpResponse<byte[]> response;
        try {
            if (ISOLATE_HEAD_BODY_BUG && "HEAD".equals(request.method())) {
                try (HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    response = send(own, request.build());
                }
            } else {
                response = send(request.build());
            }
        } catch (IOException e) {
            // Over its limit Helidon refuses the headers and closes: the JDK client, still writing, sees only that.
            if (request.headersSize() > MAX_HEADERS_SIZE - 1024) {
                closedOnHugeHeaders.incrementAndGet();
                return;
            }
            throw e;
        }
        check(response);
    }

    /**
     * What the JDK client refuses to send: control characters, bare CR or LF, NUL and non-Latin-1 bytes in header
     * names and values, broken request lines, written straight to a socket.
     */
    @Property(tries = 700)
    void rawHttpRequests(@ForAll("rawRequests") byte[] request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            requests.incrementAndGet();
            serverErrors.clear();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                return; // the server refused the rest of the request and closed the connection: acceptable
            }
            String answer;
            try {
                answer = readStatusLine(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within " + TIMEOUT + " to raw request " + printable(request), e);
            } catch (IOException e) {
                return; // reset by the server: it refused the request
            }
            if (answer.isEmpty()) {
                return; // closed without an answer
            }
            String[] parts = answer.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new AssertionError("not an HTTP status line: " + answer + " for " + printable(request));
            }
            int status = Integer.parseInt(parts[1]);
            // Helidon answers 505 to any protocol version but HTTP/1.1 (HTTP/1.0 included) and 501 to a transfer coding
            // other than chunked: the statuses RFC 9110 and RFC 9112 section 6.1 name for these
            String text = new String(request, StandardCharsets.ISO_8859_1);
            boolean otherVersion = !text.lines().findFirst().orElse("").endsWith(" HTTP/1.1");
            boolean transferCoding = text.toLowerCase(Locale.ROOT).contains("transfer-encoding");
            if (status >= 500 && !(status == 505 && otherVersion) && !(status == 501 && transferCoding)) {
                throw new AssertionError("status " + answer + " for raw request " + printable(request)
                        + serverErrorCauses());
            }
        }
    }

    /**
     * Parser differentials and framing: valid messages, the same with a duplicate member name (at the top or inside
     * {@code params}) or with a second value after the first, sent with a Content-Length or chunked into random
     * pieces over a raw socket. A duplicate or trailing value is a parse error (-32700) however it is framed; the
     * valid message is answered 200 however it is framed.
     */
    @Property(tries = 400)
    void duplicateKeysTrailingValuesAndChunkedFraming(@ForAll("framedBodies") FramedBody framed) throws Exception {
        byte[] body = utf8(framed.body());
        StringBuilder head = new StringBuilder("POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        if (framed.chunks().isEmpty()) {
            request.writeBytes((head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
        } else {
            request.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int at = 0;
            for (int i = 0; at < body.length; i++) {
                int size = Math.min(framed.chunks().get(i % framed.chunks().size()), body.length - at);
                request.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, at, size);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += size;
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        requests.incrementAndGet();
        String answer;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            answer = readOneAnswer(socket.getInputStream());
        }
        String expected = framed.valid() ? "HTTP/1.1 200 " : "HTTP/1.1 400 ";
        if (!answer.startsWith(expected) || (!framed.valid() && !answer.contains("\"code\":-32700"))) {
            throw new AssertionError("expected " + expected + (framed.valid() ? "" : "with -32700") + " for "
                    + framed + ", got " + abbreviate(answer));
        }
    }

    /**
     * One answer, up to its Content-Length: the full server closes the connection after an answer that left the body
     * unread (ADR 0007, a filter in bootstrap that this adapter-only server does not have), so the end of the
     * connection is not awaited here.
     */
    private static String readOneAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                int length = text.substring(0, headerEnd).lines()
                        .filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                        .mapToInt(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElse(-1);
                if (length >= 0 && received.size() >= headerEnd + 4 + length) {
                    break;
                }
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** A body, whether it is one valid message, and its chunk sizes (empty: sent with a Content-Length). */
    record FramedBody(String body, boolean valid, List<Integer> chunks) {
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpRequest authenticated(byte[] body) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return send(http, request);
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws Exception {
        requests.incrementAndGet();
        serverErrors.clear();
        long started = System.nanoTime();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT + " to " + request + " " + request.headers().map(), e);
        } finally {
            waitingNanos.addAndGet(System.nanoTime() - started);
        }
    }

    /** The assertions every answer must pass. */
    private static void check(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String context = " (status " + status + ", headers " + response.headers().map() + ", body "
                + abbreviate(body) + ")";
        if (status >= 500) {
            throw new AssertionError("server error" + context + serverErrorCauses());
        }
        if (body.contains(TOKEN) || response.headers().map().toString().contains(TOKEN)) {
            throw new AssertionError("the answer echoes the bearer token" + context);
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (contentType.isPresent() && contentType.get().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            JsonNode json;
            try {
                json = READER.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Content-Type says JSON but the body is not" + context, e);
            }
            if (json == null || json.isMissingNode()) {
                throw new AssertionError("Content-Type says JSON but the body is empty" + context);
            }
            JsonNode error = json.get("error");
            if (error != null) {
                JsonNode code = error.get("code");
                if (code == null || !code.isInt() || !ALLOWED_ERROR_CODES.contains(code.intValue())) {
                    throw new AssertionError("unexpected JSON-RPC error code" + context);
                }
            }
        }
    }

    private static String serverErrorCauses() {
        StringBuilder causes = new StringBuilder();
        serverErrors.forEach(record -> {
            causes.append("\nserver logged: ").append(record.getMessage());
            for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                causes.append("\n  caused by ").append(cause);
                if (cause.getStackTrace().length > 0) {
                    causes.append(" at ").append(cause.getStackTrace()[0]);
                }
            }
        });
        return causes.toString();
    }

    private static void assertHealthy() throws Exception {
        HttpResponse<byte[]> ping = send(authenticated(utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
        String body = new String(ping.body(), StandardCharsets.UTF_8);
        JsonNode reply = ping.statusCode() == 200 ? READER.readTree(body) : null;
        if (reply == null || !reply.path("result").isObject() || reply.path("id").intValue() != 1) {
            throw new AssertionError("server unhealthy: ping answered " + ping.statusCode() + " " + abbreviate(body));
        }
    }

    private static String readStatusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < 1024) {
            if (b != '\r') {
                line.write(b);
            }
        }
        // drain the rest so that the server is never blocked writing to us
        byte[] rest = new byte[8192];
        try {
            while (in.read(rest) != -1) {
                // discard
            }
        } catch (IOException ignored) {
            // reset after the status line: the answer was read
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…(" + text.length() + " chars)";
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 600); i++) {
            int b = bytes[i] & 0xFF;
            out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return out + (bytes.length > 600 ? "…(" + bytes.length + " bytes)" : "");
    }

    // ---------------------------------------------------------------- bodies

    @Provide
    Arbitrary<byte[]> randomBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(512).map(McpEndpointFuzzTest::utf8)),
                Tuple.of(3, Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-truefalsnl\\ \t\r\nabcu")
                        .ofMaxLength(256).map(McpEndpointFuzzTest::utf8)),
                // valid messages with random bytes spliced in
                Tuple.of(2, Combinators.combine(jsonRpcMessages(), Arbitraries.bytes().array(byte[].class).ofMaxSize(16),
                        Arbitraries.doubles().between(0, 1)).as((message, noise, at) -> {
                    byte[] valid = utf8(message.toString());
                    int position = (int) (valid.length * at);
                    byte[] spliced = new byte[valid.length + noise.length];
                    System.arraycopy(valid, 0, spliced, 0, position);
                    System.arraycopy(noise, 0, spliced, position, noise.length);
                    System.arraycopy(valid, position, spliced, position + noise.length, valid.length - position);
                    return spliced;
                })),
                // valid messages cut short
                Tuple.of(2, Combinators.combine(jsonRpcMessages(), Arbitraries.doubles().between(0, 1))
                        .as((message, at) -> {
                            byte[] valid = utf8(message.toString());
                            return java.util.Arrays.copyOf(valid, (int) (valid.length * at));
                        })));
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        return json(4);
    }

    /** Half well-formed requests (mostly tools/call with random arguments), half with random envelopes. */
    @Provide
    Arbitrary<JsonNode> jsonRpcMessages() {
        Arbitrary<JsonNode> id = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, strings().map(NODES::textNode)));
        Arbitrary<JsonNode> wellFormed = Combinators.combine(id, Arbitraries.frequencyOf(
                        Tuple.of(6, toolCallParams().map(params -> Tuple.of("tools/call", params))),
                        Tuple.of(1, initializeParams().map(params -> Tuple.of("initialize", params))),
                        Tuple.of(1, json(2).map(params -> Tuple.of("ping", params))),
                        Tuple.of(1, json(2).map(params -> Tuple.of("tools/list", params)))))
                .as((i, call) -> {
                    ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
                    message.set("id", i);
                    message.put("method", call.get1());
                    message.set("params", call.get2());
                    return message;
                });
        return Arbitraries.frequencyOf(Tuple.of(1, wellFormed), Tuple.of(1, randomEnvelopes()));
    }

    private Arbitrary<JsonNode> randomEnvelopes() {
        Arbitrary<Optional<JsonNode>> jsonrpc = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Optional.of(NODES.textNode("2.0")))),
                Tuple.of(1, Arbitraries.just(Optional.empty())),
                Tuple.of(2, scalar().map(Optional::of)));
        Arbitrary<Optional<JsonNode>> id = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(n -> Optional.of(NODES.numberNode(n)))),
                Tuple.of(3, strings().map(s -> Optional.of(NODES.textNode(s)))),
                Tuple.of(2, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.just(Optional.of(NODES.nullNode()))),
                Tuple.of(1, hugeIntegers().map(n -> Optional.of(NODES.numberNode(n)))),
                Tuple.of(2, json(2).map(Optional::of)));
        Arbitrary<Optional<JsonNode>> method = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(METHODS).map(m -> Optional.of(NODES.textNode(m)))),
                Tuple.of(2, strings().map(s -> Optional.of(NODES.textNode(s)))),
                Tuple.of(1, Arbitraries.just(Optional.empty())),
                Tuple.of(1, json(1).map(Optional::of)));
        Arbitrary<Optional<JsonNode>> params = Arbitraries.frequencyOf(
                Tuple.of(6, toolCallParams().map(Optional::of)),
                Tuple.of(2, initializeParams().map(Optional::of)),
                Tuple.of(2, Arbitraries.just(Optional.empty())),
                Tuple.of(3, json(3).map(Optional::of)));
        Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of("result", "error", "jsonrpc", "id")),
                        Tuple.of(2, strings())),
                json(2)).ofMaxSize(2);
        return Combinators.combine(jsonrpc, id, method, params, extra).as((j, i, m, p, e) -> {
            ObjectNode message = NODES.objectNode();
            e.forEach(message::set);
            j.ifPresent(value -> message.set("jsonrpc", value));
            i.ifPresent(value -> message.set("id", value));
            m.ifPresent(value -> message.set("method", value));
            p.ifPresent(value -> message.set("params", value));
            return (JsonNode) message;
        });
    }

    private Arbitrary<JsonNode> toolCallParams() {
        Arbitrary<JsonNode> name = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(TOOLS).map(NODES::textNode)),
                Tuple.of(1, strings().map(NODES::textNode)),
                Tuple.of(1, scalar()));
        Arbitrary<JsonNode> arguments = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.maps(Arbitraries.frequencyOf(
                                        Tuple.of(6, Arbitraries.of(ARGUMENT_NAMES)), Tuple.of(1, strings())),
                                argumentValue())
                        .ofMaxSize(5).map(McpEndpointFuzzTest::object)),
                Tuple.of(1, json(3)));
        return Combinators.combine(name, arguments, Arbitraries.integers().between(0, 9)).as((n, a, shape) -> {
            ObjectNode params = NODES.objectNode();
            params.set("name", n);
            if (shape > 0) {
                params.set("arguments", a);
            }
            if (shape == 9) {
                params.putObject("_meta").put("progressToken", 1);
            }
            return params;
        });
    }

    private Arbitrary<JsonNode> initializeParams() {
        return Combinators.combine(
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of(ProtocolVersion.SUPPORTED).map(NODES::textNode)),
                        Tuple.of(1, strings().map(NODES::textNode)),
                        Tuple.of(1, scalar())),
                json(2)).as((version, capabilities) -> {
                    ObjectNode params = NODES.objectNode();
                    params.set("protocolVersion", version);
                    params.set("capabilities", capabilities);
                    params.putObject("clientInfo").put("name", "fuzz").put("version", "0");
                    return params;
                });
    }

    /** Values for tool arguments: plausible ones, boundary numbers, wrong types, nesting. */
    private Arbitrary<JsonNode> argumentValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar()),
                Tuple.of(2, Arbitraries.of("open", "resolved", "all", "critical", "high", "7d", "30d", "24h",
                        "2026-11-17T09:30:00Z", "2026-11-17", "2026-02-30", "+999999999-12-31T23:59:59Z",
                        "87b3a6b6-5af5-438b-a39c-eff148a68ccb", "87B3A6B6-5AF5-438B-A39C-EFF148A68CCB",
                        "not-a-uuid", "eyJvIjoxfQ", "%%%", "").map(NODES::textNode)),
                Tuple.of(1, json(3)),
                Tuple.of(1, Arbitraries.integers().between(1, 300)
                        .map(depth -> nest(NODES.numberNode(1), depth))));
    }

    private static JsonNode nest(JsonNode inner, int depth) {
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    @Provide
    Arbitrary<String> hostileBodies() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(900, 20_000)
                .edgeCases(edges -> edges.includeOnly(900, 20_000));
        return Arbitraries.frequencyOf(
                // batches
                Tuple.of(4, jsonRpcMessages().list().ofMaxSize(5).map(list -> {
                    ArrayNode batch = NODES.arrayNode();
                    list.forEach(batch::add);
                    return batch.toString();
                })),
                // deep nesting, open only and balanced, at the top and inside params and arguments
                Tuple.of(1, depth.map(n -> "[".repeat(n))),
                Tuple.of(1, depth.map(n -> "[".repeat(n) + "]".repeat(n))),
                Tuple.of(1, depth.map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))),
                Tuple.of(1, depth.map(n -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":"
                        + "[".repeat(n) + "]".repeat(n) + "}")),
                Tuple.of(1, depth.map(n -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"list_issues\",\"arguments\":{\"query\":" + "{\"a\":".repeat(n) + "1"
                        + "}".repeat(n) + "}}}")),
                Tuple.of(1, depth.map(n -> "{\"jsonrpc\":\"2.0\",\"id\":" + "[".repeat(n) + "]".repeat(n)
                        + ",\"method\":\"ping\"}")),
                // huge scalars: strings, numbers beyond any parser's length limit, many members
                Tuple.of(1, Arbitraries.integers().between(10_000, 300_000).map(n ->
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\","
                                + "\"arguments\":{\"query\":\"" + "é𝄞x".repeat(n / 3) + "\"}}}")),
                Tuple.of(1, Arbitraries.integers().between(10_000, 300_000).map(n ->
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "m".repeat(n) + "\"}")),
                Tuple.of(1, Arbitraries.integers().between(500, 5_000).map(n ->
                        "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(n) + ",\"method\":\"ping\"}")),
                Tuple.of(1, Arbitraries.integers().between(500, 5_000).map(n ->
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\","
                                + "\"arguments\":{\"limit\":1." + "0".repeat(n) + "1e" + n + "}}}")),
                Tuple.of(1, Arbitraries.integers().between(1_000, 50_000).map(n -> {
                    StringBuilder object = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"");
                    for (int i = 0; i < n; i++) {
                        object.append(",\"k").append(i).append("\":").append(i);
                    }
                    return object.append('}').toString();
                })),
                Tuple.of(1, Arbitraries.integers().between(1_000, 50_000).map(n ->
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"" + ",\"id\":2".repeat(n) + "}")));
    }

    /** Random JSON of at most {@code depth} levels. */
    private static Arbitrary<JsonNode> json(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> json(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar()),
                Tuple.of(1, inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode array = NODES.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                })),
                Tuple.of(2, Arbitraries.maps(strings(), inner).ofMaxSize(4).map(McpEndpointFuzzTest::object)));
    }

    private static JsonNode object(Map<String, JsonNode> members) {
        ObjectNode object = NODES.objectNode();
        members.forEach(object::set);
        return object;
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(2, Arbitraries.integers().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(0L, -1L, 1L, 100L, 101L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                        (long) Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, hugeIntegers().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-320, 10.0,
                        1.5, 2147483647.5, 9.223372036854776E18).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigDecimals().map(NODES::numberNode)),
                Tuple.of(4, strings().map(NODES::textNode)));
    }

    private static Arbitrary<BigInteger> hugeIntegers() {
        return Combinators.combine(Arbitraries.integers().between(19, 400), Arbitraries.integers().between(0, 2))
                .as((digits, variant) -> {
                    BigInteger nines = new BigInteger("9".repeat(digits));
                    return switch (variant) {
                        case 0 -> nines;
                        case 1 -> nines.negate();
                        default -> nines.add(BigInteger.ONE);
                    };
                });
    }

    /** Short text of any characters, including unpaired surrogates, controls and supplementary characters. */
    private static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars("_-/. ").ofMaxLength(24)),
                Tuple.of(3, Arbitraries.of("\u0000", "\uFEFF", "\uD800", "\uDFFF", "𝄞", "Ω≈ç√", "\u202E", "null",
                        "__proto__", "constructor", "$ref", "luc_mcp_")),
                Tuple.of(1, Arbitraries.integers().between(200, 5_000).map(n -> "ü".repeat(n))));
    }

    // ---------------------------------------------------------------- headers

    /** A generated request, printable in a failure report. */
    record FuzzRequest(String method, String path, List<Tuple.Tuple2<String, String>> headers, byte[] body) {

        HttpRequest build() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(TIMEOUT)
                    .method(method, "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(header -> request.header(header.get1(), header.get2()));
            return request.build();
        }

        int headersSize() {
            return headers.stream().mapToInt(h -> h.get1().length() + h.get2().length() + 4).sum();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(path);
            headers.forEach(h -> text.append("\n").append(h.get1()).append(": ").append(abbreviate(h.get2())));
            return text.append("\n\n").append(printable(body)).toString();
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        Arbitrary<List<String>> authorization = headerValue(List.of(
                "Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN, "Bearer  " + TOKEN, "Bearer " + TOKEN + " ",
                "Bearer\t" + TOKEN, "Basic " + TOKEN, "Token " + TOKEN, TOKEN, "Bearer", "Bearer ", "Bearer luc_mcp_",
                "Bearer " + McpTestServer.REVOKED, "Bearer " + McpTestServer.UNKNOWN, "Bearer " + TOKEN.toLowerCase(Locale.ROOT),
                "Bearer " + TOKEN + TOKEN, "Basic dXNlcjpwYXNz", "Negotiate abc", "Bearer é", "Bearer " + "x".repeat(9000)),
                3);
        Arbitrary<List<String>> protocolVersion = headerValue(List.of("2025-11-25", "2025-06-18", "2025-03-26",
                "2024-11-05", "2025-11-25, 2025-06-18", "", "latest", "9999-99-99"), 2);
        Arbitrary<List<String>> accept = headerValue(List.of("application/json, text/event-stream", "application/json",
                "text/event-stream", "*/*", "application/*", "text/html", "application/json;q=0", "*/*;q=",
                ";;;", "application/json;;;q=1.0;=", "a/b/c", "/", "application/json, */*;q=abc", "\u00e9/\u00ff"), 2);
        Arbitrary<List<String>> contentType = headerValue(List.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=ebcdic", "application/json; charset=", "text/plain", "multipart/form-data",
                "multipart/form-data; boundary=", "application/x-www-form-urlencoded", ";", "/", "a/b; c",
                "application/json;;", "application/json; charset=\"utf-8", "\u00e9"), 2);
        Arbitrary<List<String>> origin = headerValue(List.of("https://mcp.example.com", "https://mcp.example.com/",
                "https://evil.example", "null", "http://mcp.example.com", "https://MCP.EXAMPLE.COM", "file://",
                "https://mcp.example.com:443"), 2);
        Arbitrary<List<Tuple.Tuple2<String, String>>> extra = Combinators.combine(
                        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_!#$%&'*+.^`|~")
                                .ofMinLength(1).ofMaxLength(20)
                                .filter(name -> !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))),
                        headerText())
                .as(Tuple::of).list().ofMaxSize(3);
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("POST")),
                Tuple.of(1, Arbitraries.of(HTTP_METHODS)));
        Arbitrary<String> path = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("/api/mcp")),
                Tuple.of(1, Arbitraries.of("/api/mcp/", "/api/mcp?x=1", "/api/mcp?%25zz", "/api//mcp", "/api/mcp;a=b",
                        "/api/sse", "/api/message", "/.well-known/oauth-protected-resource/api/mcp")));
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/list\"}",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\"}}",
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
                        "").map(McpEndpointFuzzTest::utf8)),
                Tuple.of(1, jsonRpcMessages().map(message -> utf8(message.toString()))),
                Tuple.of(1, randomBodies()));
        Arbitrary<Tuple.Tuple2<String, String>> target = Combinators.combine(method, path).as(Tuple::of);
        return Combinators.combine(authorization, protocolVersion, accept, contentType, origin, extra, target, body)
                .as((a, v, c, t, o, e, mp, b) -> {
                    List<Tuple.Tuple2<String, String>> all = new ArrayList<>();
                    a.forEach(value -> all.add(Tuple.of("Authorization", value)));
                    v.forEach(value -> all.add(Tuple.of("MCP-Protocol-Version", value)));
                    c.forEach(value -> all.add(Tuple.of("Accept", value)));
                    t.forEach(value -> all.add(Tuple.of("Content-Type", value)));
                    o.forEach(value -> all.add(Tuple.of("Origin", value)));
                    all.addAll(e);
                    return new FuzzRequest(mp.get1(), mp.get2(), all, b);
                });
    }

    /** None, one or several values of a header: known interesting ones, random text, huge text. */
    private static Arbitrary<List<String>> headerValue(List<String> interesting, int maxCount) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(interesting)),
                Tuple.of(6, headerText()),
                Tuple.of(3, headerText().map(text -> "Bearer " + text)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 70_000).map("a"::repeat)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, value.list().ofSize(1)),
                Tuple.of(1, value.list().ofMaxSize(maxCount)));
    }

    /** Text the JDK client lets through in a header value: tab, visible ASCII, space and Latin-1 (obs-text). */
    private static Arbitrary<String> headerText() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u0080', '\u00ff')
                .withChars('\t')
                .ofMaxLength(64)
                .map(String::strip);
    }

    // ---------------------------------------------------------------- raw requests

    @Provide
    Arbitrary<FramedBody> framedBodies() {
        Arbitrary<String> message = Arbitraries.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\","
                        + "\"arguments\":{\"limit\":1}}}");
        Arbitrary<String> value = Arbitraries.oneOf(json(2).map(JsonNode::toString),
                Arbitraries.of("1", "\"x\"", "null", "[]", "{}", "true"));
        Arbitrary<String> key = Arbitraries.of("jsonrpc", "id", "method", "params", "x");
        Arbitrary<String> whitespace = Arbitraries.of("", " ", "\n", "\r\n", "\t");
        Arbitrary<String> duplicateAtTop = Combinators.combine(message, key, value).as((m, k, v) -> {
            String member = "\"" + k + "\":" + v;
            boolean present = m.contains("\"" + k + "\":");
            // a key that is not there yet is duplicated on purpose: it appears twice
            return "{" + member + "," + (present ? "" : member + ",") + m.substring(1);
        });
        Arbitrary<String> duplicateInParams = Arbitraries.of("name", "arguments").flatMap(k -> value.map(v ->
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"" + k + "\":" + v
                        + ",\"name\":\"list_issues\",\"arguments\":{\"limit\":1}}}"));
        Arbitrary<String> trailing = Combinators.combine(message, whitespace, Arbitraries.oneOf(value,
                Arbitraries.of("]", "}", "x", ",", message.sample()))).as((m, w, t) -> m + w + t);
        Arbitrary<List<Integer>> chunks = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<Integer>of())),
                Tuple.of(3, Arbitraries.integers().between(1, 64).list().ofMinSize(1).ofMaxSize(8)));
        Arbitrary<Tuple.Tuple2<String, Boolean>> body = Arbitraries.frequencyOf(
                Tuple.of(1, Combinators.combine(message, whitespace).as((m, w) -> Tuple.of(m + w, true))),
                Tuple.of(2, duplicateAtTop.map(b -> Tuple.of(b, false))),
                Tuple.of(1, duplicateInParams.map(b -> Tuple.of(b, false))),
                Tuple.of(2, trailing.map(b -> Tuple.of(b, false))));
        return Combinators.combine(body, chunks).as((b, c) -> new FramedBody(b.get1(), b.get2(), c));
    }

    @Provide
    Arbitrary<byte[]> rawRequests() {
        Arbitrary<String> requestLine = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("POST /api/mcp HTTP/1.1")),
                Tuple.of(1, Arbitraries.of("GET /api/mcp HTTP/1.1", "POST /api/mcp HTTP/1.0", "POST /api/mcp HTTP/9.9",
                        "POST  /api/mcp HTTP/1.1", "POST /api/mcp", "POST", "", "POST /api/%zz HTTP/1.1",
                        "POST /api/mcp?\u0001 HTTP/1.1", "P\u00d6ST /api/mcp HTTP/1.1", "POST * HTTP/1.1",
                        "POST http://evil/api/mcp HTTP/1.1", "POST /api/mcp HTTP/1.1 extra", "PRI * HTTP/2.0")),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(80)));
        Arbitrary<String> rawText = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(80);
        Arbitrary<String> header = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("Authorization", "MCP-Protocol-Version", "Accept", "Content-Type", "Origin",
                        "Transfer-Encoding", "Content-Length", "Host", "Expect", "Connection")
                        .flatMap(name -> rawText.map(value -> name + ": " + value))),
                Tuple.of(1, Arbitraries.just("Authorization: Bearer " + TOKEN)),
                Tuple.of(1, Arbitraries.of("Authorization: Bearer " + TOKEN + "\u0000", "Authorization:Bearer " + TOKEN,
                        "Authorization : Bearer " + TOKEN, " Authorization: Bearer " + TOKEN,
                        "Authorization: Bearer \u00ff\u00fe", "Content-Length: -1", "Content-Length: 99999999999999999999",
                        "Content-Length: 5, 6", "Content-Length: abc", "Transfer-Encoding: chunked",
                        "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: chunked\r\nContent-Length: 3",
                        "Expect: 100-continue", "Expect: 999-nope", "X: a\rb", "X: a\nb", "X:\r\n folded",
                        "\u0000: \u0000", ": empty name", "no colon")),
                Tuple.of(1, rawText));
        Arbitrary<String> body = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")),
                Tuple.of(1, Arbitraries.of("", "0\r\n\r\n", "zz\r\n", "5\r\nabc", "FFFFFFFFFFFFFFFF\r\nx\r\n", "\u0000")),
                Tuple.of(1, rawText));
        Arbitrary<String> separator = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("\r\n")),
                Tuple.of(1, Arbitraries.of("\n", "\r", "\r\r\n", "\u0000")));
        return Combinators.combine(requestLine, header.list().ofMaxSize(6), body, separator,
                Arbitraries.of(true, false)).as((line, headers, content, eol, addHost) -> {
                    StringBuilder request = new StringBuilder(line).append(eol);
                    if (addHost) {
                        request.append("Host: 127.0.0.1").append(eol);
                    }
                    headers.forEach(h -> request.append(h).append(eol));
                    request.append(eol).append(content);
                    return request.toString().getBytes(StandardCharsets.ISO_8859_1);
                });
    }
}
