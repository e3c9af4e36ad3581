package com.lucenthq.mcp.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lucent-mcp}: run the server, manage tokens. */
@Command(name = "lucent-mcp", mixinStandardHelpOptions = true, versionProvider = LucentMcp.VersionProvider.class,
        description = "Lucent MCP: a read-only Model Context Protocol server for your organization's signals, issues and insights.",
        subcommands = {ServeCommand.class, TokenCommand.class, AdminCommand.class, VersionCommand.class,
                HelpCommand.class})
public final class LucentMcp {

    public static void main(String[] args) {
        configureLogging();
        int exitCode = commandLine().execute(args);
        if (exitCode != 0 || !ServeCommand.isServing()) {
            System.exit(exitCode);
        }
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LucentMcp());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("Error: " + exception.getMessage()));
            cmd.getErr().flush();
            return ExitCodes.of(exception);
        });
        // -V on every subcommand prints the same as --version.
        giveVersionToSubcommands(commandLine);
        return commandLine;
    }

    private static void giveVersionToSubcommands(CommandLine commandLine) {
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (subcommand.getCommandSpec().versionProvider() == null) {
                subcommand.getCommandSpec().versionProvider(new VersionProvider());
            }
            giveVersionToSubcommands(subcommand);
        }
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream properties = LucentMcp.class.getResourceAsStream("/logging.properties")) {
            if (properties != null) {
                LogManager.getLogManager().readConfiguration(properties);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled logging configuration", e);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Version version = Version.current();
            return new String[] {"lucent-mcp " + version.version(), "commit " + version.commit()};
        }
    }
}
