package com.lucenthq.mcp.bootstrap;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the issues, signals and insights come from: {@code --data-source} (docs/configuration.md). */
enum DataSource {
    /** The lucent.data.v1 gRPC services at {@code --data-target}, or the bundled sample backend started on loopback. */
    GRPC("grpc"),
    /** The bundled dataset held in this process: no backend, no network; for trying the server and for tests. */
    IN_MEMORY("in-memory");

    private final String label;

    DataSource(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The source named {@code text} on the command line or in {@code LUCENT_MCP_DATA_SOURCE}. */
    static DataSource parse(String text) {
        return Arrays.stream(values()).filter(source -> source.label.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--data-source must be one of " + Arrays.stream(values())
                        .map(DataSource::label).collect(Collectors.joining(", ")) + ", not '" + text + "'"));
    }
}
