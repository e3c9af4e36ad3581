package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-source}: the value picks the implementation that {@link Wiring} builds. */
class DataSourceSelectionTest {

    @TempDir
    Path dataDir;

    @Test
    void theFullServerAnswersFromTheBundledDatasetInMemory() {
        try (FullServerFixture fixture = FullServerFixture.start(dataDir, DataSource.IN_MEMORY,
                DataEndpoints.allAt(Optional.empty(), new DataChannelSecurity.Plaintext(), Duration.ofSeconds(2)),
                FullServerFixture.NO_LIMITS)) {
            JsonNode result = FullServerFixture.toolResult(fixture.listIssuesWith("Bearer " + fixture.token));
            assertFalse(result.path("isError").asBoolean(), result.toString());
            JsonNode issues = result.path("structuredContent").path("issues");
            assertEquals(25, issues.size(), result.toString());
            assertEquals("critical", issues.get(0).path("severity").asText(), "the most critical unresolved first");
        }
    }

    @Test
    void theValuesAreGrpcAndInMemory() {
        assertEquals(DataSource.GRPC, DataSource.parse("grpc"));
        assertEquals(DataSource.IN_MEMORY, DataSource.parse("in-memory"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSource.parse("memory"));
        assertTrue(e.getMessage().contains("grpc, in-memory"), e.getMessage());
    }

    @Test
    void aDataTargetGoesWithGrpcOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ServerSettings("127.0.0.1",
                0, Optional.empty(), () -> TokenDatabase.h2File(dataDir), DataSource.IN_MEMORY,
                DataEndpoints.allAt(Optional.of("dns:///data.internal:443"), new DataChannelSecurity.Plaintext(),
                        Duration.ofSeconds(2)), 1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES, Set.of(), List.of(), FullServerFixture.NO_LIMITS,
                "127.0.0.1", 0));
        assertTrue(e.getMessage().contains("--data-target"), e.getMessage());
    }
}
