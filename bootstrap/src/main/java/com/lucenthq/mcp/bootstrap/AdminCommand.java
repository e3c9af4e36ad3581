package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.application.port.in.admin.IssuedAdminKey;
import com.lucenthq.mcp.domain.org.OrgId;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin create}: the operator hands an org administrator the key to the settings page. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage admin keys, which sign org administrators in to Organization settings → MCP.",
        subcommands = AdminCommand.Create.class)
final class AdminCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates an admin key for an org and prints it as the only line on standard output.",
                    "The key is shown once: only its SHA-256 digest is stored. It opens the settings page at /admin/, "
                            + "never the MCP endpoint."})
    static final class Create implements Callable<Integer> {

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization, e.g. acme.")
        String org;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:LUCENT_MCP_PUBLIC_URL:-http://127.0.0.1:8080}",
                description = "The server's base URL, for the sign-in link printed (default: ${DEFAULT-VALUE}; env LUCENT_MCP_PUBLIC_URL).")
        URI publicUrl;

        @Mixin
        DataServiceOptions dataServices;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            OrgId orgId = OrgId.of(org);
            OrgCheck.requireKnown(orgId, dataServices, spec.commandLine().getErr());
            try (TokenDatabase tokens = database.openOrCreate(spec.commandLine().getErr())) {
                IssuedAdminKey issued = new Wiring(tokens).createAdminKey().create(orgId);
                PrintWriter err = spec.commandLine().getErr();
                err.println("Created an admin key for org " + orgId + " (id " + issued.credential().id() + ").");
                err.println("Sign in with it at " + settingsPage() + ". This is the only time the key is shown; store it now. "
                        + "Lucent keeps only its SHA-256 hash.");
                err.flush();
                PrintWriter out = spec.commandLine().getOut();
                out.println(issued.key().reveal());
                out.flush();
            }
            return ExitCodes.OK;
        }

        private String settingsPage() {
            String base = publicUrl.toString();
            return (base.endsWith("/") ? base : base + "/") + "admin/";
        }
    }
}
