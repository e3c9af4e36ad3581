package com.lucenthq.mcp.bootstrap;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by every command that opens the embedded token store. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:LUCENT_MCP_DATA_DIR:-data}",
            description = "Directory of the embedded token database (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_DIR).")
    Path dataDir;
}
