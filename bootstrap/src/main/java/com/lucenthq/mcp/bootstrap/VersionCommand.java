package com.lucenthq.mcp.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code version}: the same lines as {@code --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = LucentMcp.VersionProvider.class,
        description = "Prints the version of this build and the git commit it was built from.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().printVersionHelp(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
