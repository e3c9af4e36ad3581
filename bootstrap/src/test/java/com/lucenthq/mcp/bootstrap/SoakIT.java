package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: the built server, as users run it (embedded H2 and the bundled sample backend, in its own
 * JVM with a small heap so that a leak shows), under a bounded loopback load of realistic MCP calls
 * for {@code -Dlucent.soak.duration} (ISO-8601; {@value #DEFAULT_DURATION} by default, {@code PT30M}
 * for the documented long run). Every answer must be the expected one, and the server's heap floor
 * (heap used right after a full GC, read from its {@code /metrics}) must show no growth trend.
 * Figures (throughput, heap, RSS, threads) are printed, not asserted.
 */
class SoakIT {

    private static final String DEFAULT_DURATION = "PT20S";
    private static final Duration DURATION = Duration.parse(System.getProperty("lucent.soak.duration", DEFAULT_DURATION));
    /** Allowed heap-floor growth over the whole run, by the fitted trend. */
    private static final long MAX_TREND_GROWTH = mib(Long.getLong("lucent.soak.max-trend-growth-mib", 32));
    /** Allowed difference between the last heap floor and the first one after warm-up. */
    private static final long MAX_FLOOR_GROWTH = mib(Long.getLong("lucent.soak.max-floor-growth-mib", 64));
    private static final int CLIENTS = 8;
    private static final int WINDOW = 2; // every WINDOW-th memory sample is a floor, taken right after a full GC
    private static final String ISSUE = "87b3a6b6-5af5-438b-a39c-eff148a68ccb";

    private static final Pattern MCP_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/api/mcp");
    private static final Pattern OPERATIONS_URL = Pattern.compile("Operations:\\s+(http://127\\.0\\.0\\.1:\\d+)/metrics");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");
    private static final Pattern PLAINTEXT = Pattern.compile("luc_(mcp|adm)_[A-Za-z0-9_-]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Paths.get("target", "soak-it");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dataDir;

    private String base;
    private String operations;
    private String token;

    @Test
    void aBoundedLoadForTheConfiguredTimeGetsOnlyExpectedAnswersAndLeavesNoHeapGrowthTrend() throws Exception {
        Files.createDirectories(LOGS);
        token = cli("token-create", "token", "create", "--org", "acme", "--name", "soak", "--data-dir", dataDir.toString());
        Process server = serve();
        try {
            warmUp();
            long pid = server.pid();
            long rssStart = rss(pid);
            long threadsStart = (long) metrics().getOrDefault("jvm_threads_live_threads", -1.0).doubleValue();

            // About one sample a second; 19 or so in a short run, at most 2000 in a long one.
            Duration interval = max(min(Duration.ofSeconds(1), DURATION.dividedBy(20)), DURATION.dividedBy(2000));
            long started = System.nanoTime();
            long deadline = started + DURATION.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofVirtual().name("soak-client-" + i).start(() -> clientLoop(deadline)));
            }

            List<double[]> floors = new ArrayList<>(); // {seconds since start, bytes}
            List<Long> window = new ArrayList<>();
            boolean forcedGc = true;
            long maxUsed = 0;
            int samples = 0;
            for (long next = started + interval.toNanos(); next < deadline; next += interval.toNanos()) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                samples++;
                boolean floorSample = samples % WINDOW == 0;
                if (floorSample && forcedGc) {
                    forcedGc = fullGc(pid);
                }
                long used = heapUsed(metrics());
                maxUsed = Math.max(maxUsed, used);
                window.add(used);
                if (floorSample) {
                    // Right after a forced full GC the used heap is the live data; without jcmd, the lowest of the
                    // window filters the collector's sawtooth.
                    long floor = forcedGc ? used : Collections.min(window);
                    floors.add(new double[] {(System.nanoTime() - started) / 1e9, floor});
                    window.clear();
                }
            }
            for (Thread client : clients) {
                assertTrue(client.join(Duration.ofSeconds(60)), "a soak client did not stop");
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            long rssEnd = rss(pid);
            Map<String, Double> last = metrics();
            long threadsEnd = (long) last.getOrDefault("jvm_threads_live_threads", -1.0).doubleValue();
            List<double[]> warm = floors.stream().filter(f -> f[0] >= 0.2 * DURATION.toSeconds()).toList();
            assertTrue(warm.size() >= 3, "too few heap floors after warm-up: " + warm.size());
            double slope = slope(warm); // bytes per second
            double trendGrowth = slope * DURATION.toSeconds();
            long warmFloor = (long) warm.getFirst()[1];
            long endFloor = (long) warm.getLast()[1];

            String report = String.join("\n",
                    "SoakIT " + DURATION + " with " + CLIENTS + " clients against " + base,
                    String.format("  requests  %d (%.0f req/s), unexpected %d", requests.get(), requests.get() / seconds, errors.get()),
                    String.format("  heap      floor after warm-up %.1f MiB, at end %.1f MiB, trend %+.2f MiB/min (%+.1f MiB over the run), "
                            + "max used %.1f MiB; %d samples every %s, %d floors (%s)",
                            toMib(warmFloor), toMib(endFloor), toMib(slope * 60), toMib(trendGrowth), toMib(maxUsed), samples,
                            interval, floors.size(), forcedGc ? "after jcmd GC.run" : "minimum of each window"),
                    String.format("  RSS       %.1f MiB at start, %.1f MiB at end", toMib(rssStart), toMib(rssEnd)),
                    String.format("  threads   %d at start, %d at end", threadsStart, threadsEnd),
                    "  first unexpected answers: " + firstErrors);
            System.out.println(report);
            Files.writeString(LOGS.resolve("report.txt"), report + "\n");

            assertEquals(0, errors.get(), "unexpected answers, e.g. " + firstErrors);
            assertTrue(server.isAlive(), "the server died during the soak; see " + LOGS);
            assertTrue(trendGrowth < MAX_TREND_GROWTH, String.format("heap floor grows by %.1f MiB over the run (trend %+.2f MiB/min)",
                    toMib(trendGrowth), toMib(slope * 60)));
            assertTrue(endFloor - warmFloor < MAX_FLOOR_GROWTH, String.format("heap floor went from %.1f MiB to %.1f MiB",
                    toMib(warmFloor), toMib(endFloor)));
            HttpResponse<String> ping = mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}");
            assertEquals(200, ping.statusCode(), ping.body());
            assertTrue(JSON.readTree(ping.body()).path("result").isObject(), ping.body());
            assertEquals(200, get(operations + "/health/live").statusCode());
        } finally {
            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        }
        String stderr = Files.readString(LOGS.resolve("serve.stderr.log"));
        assertFalse(stderr.contains("SEVERE"), "the server logged an error; see " + LOGS);
        assertFalse(PLAINTEXT.matcher(stderr).find() || stderr.contains(token), "a token plaintext in the server log");
    }

    // --- the load -----------------------------------------------------------------------------

    private void clientLoop(long deadline) {
        String unknownToken = "luc_mcp_" + randomTokenPart();
        int id = 0;
        while (System.nanoTime() < deadline) {
            try {
                check("initialize", call("initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "soak-it", "version", "1")), ++id),
                        r -> r.path("result").path("protocolVersion").isTextual()
                                && r.path("result").path("serverInfo").path("name").isTextual());
                HttpResponse<String> initialized = mcp(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                expect("notifications/initialized", initialized.statusCode() == 202, initialized);
                check("tools/list", call("tools/list", Map.of(), ++id),
                        r -> r.path("result").path("tools").size() >= 6);
                check("list_issues", tool("list_issues", Map.of(), ++id), r -> structured(r).path("issues").isArray());
                JsonNode page = check("list_issues page 1", tool("list_issues", Map.of("limit", 5, "sort", "last_seen"), ++id),
                        r -> structured(r).path("issues").size() == 5 && structured(r).path("next_cursor").isTextual());
                if (page != null) {
                    String cursor = structured(page).path("next_cursor").asText();
                    check("list_issues page 2", tool("list_issues", Map.of("limit", 5, "sort", "last_seen", "cursor", cursor), ++id),
                            r -> structured(r).path("issues").size() == 5);
                }
                check("get_issue", tool("get_issue", Map.of("id", ISSUE), ++id),
                        r -> ISSUE.equals(structured(r).path("id").asText()) && structured(r).path("timeline").isArray());
                check("list_signals", tool("list_signals", Map.of(), ++id), r -> structured(r).path("signals").isArray());
                check("list_insights", tool("list_insights", Map.of(), ++id), r -> structured(r).path("insights").isArray());
                // 2025-11-25: a bad argument is a tool error the model reads (SEP-1303)
                check("invalid argument", tool("list_issues", Map.of("limit", 1000), ++id),
                        r -> r.path("result").path("isError").asBoolean()
                                && r.path("result").path("content").path(0).path("text").asText().contains("'limit'"));
                HttpResponse<String> refused = mcp(unknownToken, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
                expect("unknown token", refused.statusCode() == 401
                        && refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), refused);
            } catch (Exception e) {
                errors.incrementAndGet();
                note(e.toString());
            }
        }
    }

    /**
     * One client calls each data tool until it answers without a tool error, so that the soak measures the steady
     * state: on a busy machine the first calls of a cold server (JIT, gRPC channel) may exceed the data deadline.
     */
    private void warmUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String name : List.of("list_issues", "get_issue", "list_signals", "list_insights")) {
            Map<String, ?> arguments = name.equals("get_issue") ? Map.of("id", ISSUE) : Map.of();
            JsonNode reply;
            do {
                reply = JSON.readTree(tool(name, arguments, 1).body());
            } while (reply.path("result").path("isError").asBoolean(true) && System.nanoTime() < deadline);
            assertFalse(reply.path("result").path("isError").asBoolean(true), "warming up, " + name + " answered " + reply);
        }
    }

    private HttpResponse<String> call(String method, Map<String, ?> params, int id) throws Exception {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        return mcp(token, JSON.writeValueAsString(message));
    }

    private HttpResponse<String> tool(String name, Map<String, ?> arguments, int id) throws Exception {
        return call("tools/call", Map.of("name", name, "arguments", arguments), id);
    }

    private static JsonNode structured(JsonNode reply) {
        JsonNode result = reply.path("result");
        return result.path("isError").asBoolean(false) ? JSON.missingNode() : result.path("structuredContent");
    }

    /** The reply if it is a 200 with a JSON-RPC answer that passes the test, else null, counted as an error. */
    private JsonNode check(String what, HttpResponse<String> response, java.util.function.Predicate<JsonNode> test) throws IOException {
        requests.incrementAndGet();
        JsonNode reply = response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
        boolean ok = response.statusCode() == 200 && test.test(reply);
        if (!ok) {
            errors.incrementAndGet();
            note(what + " -> " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return ok ? reply : null;
    }

    private void expect(String what, boolean ok, HttpResponse<String> response) {
        requests.incrementAndGet();
        if (!ok) {
            errors.incrementAndGet();
            note(what + " -> " + response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    private void note(String error) {
        if (firstErrors.size() < 10) {
            firstErrors.add(error);
        }
    }

    private HttpResponse<String> mcp(String bearer, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- the server and its figures -----------------------------------------------------------

    private Process serve() throws Exception {
        Process process = java("serve", "serve", "--port", "0", "--operations-port", "0", "--data-dir", dataDir.toString());
        CompletableFuture<String> mcpUrl = new CompletableFuture<>();
        CompletableFuture<String> operationsUrl = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = MCP_URL.matcher(line);
                    if (matcher.find()) {
                        mcpUrl.complete(matcher.group(1));
                    }
                    matcher = OPERATIONS_URL.matcher(line);
                    if (matcher.find()) {
                        operationsUrl.complete(matcher.group(1));
                    }
                }
                IllegalStateException exited = new IllegalStateException("the server exited; see " + LOGS);
                mcpUrl.completeExceptionally(exited);
                operationsUrl.completeExceptionally(exited);
            } catch (IOException e) {
                mcpUrl.completeExceptionally(e);
                operationsUrl.completeExceptionally(e);
            }
        });
        base = mcpUrl.get(90, TimeUnit.SECONDS);
        operations = operationsUrl.get(30, TimeUnit.SECONDS);
        return process;
    }

    /** The built server, as bin/lucent-mcp runs it, with a small heap and rate limits out of the way, and no database flags: embedded H2 under the temporary --data-dir. */
    private static Process java(String logName, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-jar", Paths.get("target", "lucent-mcp.jar").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(LOGS.resolve(logName + ".stderr.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LUCENT_MCP_"));
        // Generous but on, so that the limiters' own bookkeeping is part of what is soaked.
        builder.environment().put("LUCENT_MCP_RATE_PER_TOKEN", "100000/s,burst=100000");
        builder.environment().put("LUCENT_MCP_RATE_PER_ADDRESS", "100000/s,burst=100000");
        builder.environment().put("LUCENT_MCP_RATE_FAILED_AUTH", "100000/s,burst=100000");
        return builder.start();
    }

    private static String cli(String logName, String... arguments) throws Exception {
        Process process = java(logName, arguments);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "lucent-mcp " + arguments[0] + " failed; see " + LOGS);
        return out;
    }

    /** A full GC in the server, so that the next heap sample is its live data; false if jcmd cannot do it. */
    private static boolean fullGc(long pid) throws InterruptedException {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return jcmd.waitFor(30, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server's Prometheus samples, with the values of series sharing a name summed. */
    private Map<String, Double> metrics() throws Exception {
        HttpResponse<String> response = get(operations + "/metrics");
        assertEquals(200, response.statusCode());
        Map<String, Double> sums = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (matcher.find()) {
                String labels = matcher.group(2) == null ? "" : matcher.group(2);
                String key = matcher.group(1) + (labels.contains("area=\"heap\"") ? "{heap}" : "");
                sums.merge(key, Double.parseDouble(matcher.group(3)), Double::sum);
            }
        }
        return sums;
    }

    private static long heapUsed(Map<String, Double> metrics) {
        Double used = metrics.get("jvm_memory_used_bytes{heap}");
        assertTrue(used != null, "no jvm_memory_used_bytes{area=\"heap\"} in /metrics");
        return used.longValue();
    }

    private static long rss(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** Least-squares slope of {x, y} points. */
    static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }

    private static String randomTokenPart() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 32 characters
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long mib(long value) {
        return value * 1024 * 1024;
    }

    private static double toMib(double bytes) {
        return bytes / (1024 * 1024);
    }
}
