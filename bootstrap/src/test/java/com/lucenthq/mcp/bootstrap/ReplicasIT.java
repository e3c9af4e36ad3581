package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two server processes, built as users run them, on one PostgreSQL: what one replica does, the
 * other sees on its very next request. Then the database goes away and comes back.
 * {@code bin/test} provides the PostgreSQL ({@code bin/test-postgres}) and its settings.
 */
@EnabledIfEnvironmentVariable(named = "LUCENT_TEST_POSTGRES_URL", matches = ".+")
class ReplicasIT {

    private static final Pattern MCP_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/api/mcp");
    private static final Pattern PLAINTEXT = Pattern.compile("luc_(mcp|adm)_[A-Za-z0-9_-]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
    private static final Path LOGS = Paths.get("target", "replicas-it");

    private static final List<Process> processes = new ArrayList<>();
    private static final List<String> secrets = new ArrayList<>();
    private static String replicaA;
    private static String replicaB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Files.createDirectories(LOGS);
        replicaA = serve("a");
        replicaB = serve("b");
    }

    @AfterAll
    static void stopReplicasAndCheckTheirLogs() throws Exception {
        for (Process process : processes) {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a replica did not stop on SIGTERM");
        }
        try (var logs = Files.list(LOGS)) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertFalse(PLAINTEXT.matcher(text).find(), "a plaintext secret in " + log);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a minted secret in " + log);
                }
            }
        }
    }

    @Test
    void aTokenMintedOnOneReplicaWorksOnBothAndIsRefusedByTheOtherRightAfterRevocation() throws Exception {
        String cookie = signIn(replicaA, adminKey("acme"));
        JsonNode created = adminPost(replicaA, cookie, "/admin/api/tokens", "{\"name\":\"replicated\"}");
        String token = created.get("token").asText();
        secrets.add(token);

        assertEquals(200, initialize(replicaA, token).statusCode());
        assertEquals(200, initialize(replicaB, token).statusCode());
        JsonNode listedOnB = JSON.readTree(adminGet(replicaB, cookie, "/admin/api/tokens").body());
        assertEquals(created.get("id").asText(), listedOnB.get("tokens").get(0).get("id").asText(),
                "the session and the token are shared by the replicas");

        adminPost(replicaA, cookie, "/admin/api/tokens/" + created.get("id").asText() + "/revoke", "{}");

        HttpResponse<String> nextOnB = initialize(replicaB, token);
        assertEquals(401, nextOnB.statusCode());
        assertTrue(nextOnB.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
    }

    @Test
    void aDatabaseOutageIs503NotUnauthorizedAndServiceResumesWithoutRestart() throws Exception {
        String token = tokenFromCli("acme", "outage");
        assertEquals(200, initialize(replicaA, token).statusCode());

        postgres("stop");
        try {
            HttpResponse<String> during = initialize(replicaA, token);
            assertEquals(503, during.statusCode(), during.body());
            assertTrue(during.headers().firstValue("Retry-After").isPresent());
            assertTrue(during.headers().firstValue("WWW-Authenticate").isEmpty());
        } finally {
            postgres("restart");
        }

        Instant deadline = Instant.now().plusSeconds(30);
        int status;
        do {
            status = initialize(replicaB, token).statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline) && pause());
        assertEquals(200, status, "replica B recovers by itself");
        assertEquals(200, initialize(replicaA, token).statusCode(), "replica A recovers by itself");
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String serve(String name) throws Exception {
        Process process = launch(name, "serve", "--port", "0", "--operations-port", "0");
        processes.add(process);
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = MCP_URL.matcher(line);
                    if (matcher.find()) {
                        url.complete(matcher.group(1));
                    }
                }
                url.completeExceptionally(new IllegalStateException("replica " + name + " exited; see " + LOGS));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        return url.get(90, TimeUnit.SECONDS);
    }

    /** The built server, as bin/lucent-mcp runs it, on the test PostgreSQL. */
    private static Process launch(String logName, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", Paths.get("target", "lucent-mcp.jar").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--database-url", System.getenv("LUCENT_TEST_POSTGRES_URL"),
                "--database-user", System.getenv("LUCENT_TEST_POSTGRES_USER")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(LOGS.resolve(logName + ".stderr.log").toFile());
        builder.environment().put("LUCENT_MCP_DATABASE_PASSWORD", System.getenv("LUCENT_TEST_POSTGRES_PASSWORD"));
        return builder.start();
    }

    private static String runCli(String logName, String... arguments) throws Exception {
        Process process = launch(logName, arguments);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "lucent-mcp " + arguments[0] + " failed; see " + LOGS);
        secrets.add(out);
        return out;
    }

    private static String adminKey(String org) throws Exception {
        return runCli("admin-create", "admin", "create", "--org", org);
    }

    private static String tokenFromCli(String org, String name) throws Exception {
        return runCli("token-create", "token", "create", "--org", org, "--name", name);
    }

    private static void postgres(String action) throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("bin/test-postgres").toString(), action,
                System.getenv("LUCENT_TEST_POSTGRES_DIR")).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve("postgres-" + action + ".log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "bin/test-postgres " + action);
    }

    private static String signIn(String base, String key) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/api/session"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"admin_key\":\"" + key + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static JsonNode adminPost(String base, String cookie, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Origin", base).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, path + " -> " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> adminGet(String base, String cookie, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> initialize(String base, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"replicas-it\",\"version\":\"1\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
