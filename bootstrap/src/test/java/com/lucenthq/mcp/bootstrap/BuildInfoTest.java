package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running server tells which build it is: serverInfo.version and lucent_mcp_build_info carry version and commit. */
class BuildInfoTest {

    @TempDir
    Path dataDir;

    @Test
    void serverInfoAndMetricsNameTheVersionAndCommit() throws Exception {
        Version version = Version.current();
        try (FullServerFixture fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5),
                FullServerFixture.NO_LIMITS)) {
            HttpResponse<String> initialized = fixture.send(HttpRequest.newBuilder(fixture.mcpUri())
                    .header("Authorization", "Bearer " + fixture.token).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                    .build());
            assertEquals(200, initialized.statusCode(), initialized.body());
            assertEquals(version.text(), new ObjectMapper().readTree(initialized.body())
                    .at("/result/serverInfo/version").asText(), initialized.body());
            assertTrue(version.text().startsWith(version.version() + "+"));

            HttpResponse<String> metrics = fixture.send(HttpRequest.newBuilder(
                    URI.create(fixture.server.operationsUrl() + "/metrics")).GET().build());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("lucent_mcp_build_info{commit=\"" + version.commit() + "\",version=\""
                    + version.version() + "\"} 1"), metrics.body().lines().filter(line -> line.contains("build")).toList().toString());
        }
    }
}
