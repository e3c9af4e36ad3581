package com.lucenthq.mcp.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.application.port.in.token.RevocationResult;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.IssuedToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token create|list|revoke}: the operator's side of "Organization settings → MCP". Works while
 * a server runs on the same data directory; the server sees a new or revoked token on its next request.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke MCP tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Options of every token command. */
    static final class Scope {
        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization, e.g. acme.")
        String org;

        @Mixin
        DatabaseOptions database;

        OrgId orgId() {
            return OrgId.of(org);
        }

        TokenDatabase openExisting(CommandSpec spec) {
            return database.openExisting(spec.commandLine().getErr());
        }

        TokenDatabase openOrCreate(CommandSpec spec) {
            return database.openOrCreate(spec.commandLine().getErr());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a token and prints its plaintext as the only line on standard output.",
                    "The plaintext is shown once: only its SHA-256 digest is stored."})
    static final class Create implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "A label to recognize the token by, 1-64 characters, e.g. \"my laptop\".")
        String name;

        @Option(names = "--json", description = "Print {\"id\", \"name\", \"org\", \"token\"} as one JSON object instead of the bare token.")
        boolean json;

        @Mixin
        DataServiceOptions dataServices;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            OrgId org = scope.orgId();
            TokenName tokenName = TokenName.of(name);
            OrgCheck.requireKnown(org, dataServices, spec.commandLine().getErr());
            try (TokenDatabase database = scope.openOrCreate(spec)) {
                IssuedToken issued = new Wiring(database).createToken().create(org, tokenName);
                PrintWriter err = spec.commandLine().getErr();
                err.println("Created token \"" + tokenName + "\" for org " + org + " (id " + issued.token().id() + ").");
                err.println("This is the only time the plaintext is shown; store it now. Lucent keeps only its SHA-256 hash.");
                err.flush();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(new ObjectMapper().writeValueAsString(new ObjectMapper().createObjectNode()
                            .put("id", issued.token().id().toString())
                            .put("name", tokenName.value())
                            .put("org", org.value())
                            .put("token", issued.plaintext().reveal())));
                } else {
                    out.println(issued.plaintext().reveal());
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the org's tokens and OAuth grants, newest first: id, name, kind, created, last used, revoked."
                    + " Never secrets or hashes.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<TokenSummary> tokens;
            try (TokenDatabase database = scope.openExisting(spec)) {
                tokens = new Wiring(database).listTokens().list(scope.orgId());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson(tokens)));
            } else if (tokens.isEmpty()) {
                spec.commandLine().getErr().println("Org " + scope.org + " has no tokens. Create one with: token create --org "
                        + scope.org + " --name NAME");
            } else {
                Table table = new Table("ID", "NAME", "KIND", "CREATED", "LAST USED", "STATUS");
                for (TokenSummary token : tokens) {
                    table.add(token.id().toString(), token.name().value(), token.kind().label(), TIME.format(token.createdAt()),
                            token.lastUsedAt().map(TIME::format).orElse("never"),
                            token.revokedAt().map(at -> "revoked " + TIME.format(at)).orElse("active"));
                }
                table.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static ArrayNode asJson(List<TokenSummary> tokens) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            for (TokenSummary token : tokens) {
                array.addObject()
                        .put("id", token.id().toString())
                        .put("name", token.name().value())
                        .put("kind", token.kind().label())
                        .put("created_at", token.createdAt().toString())
                        .put("last_used_at", text(token.lastUsedAt()))
                        .put("revoked_at", text(token.revokedAt()));
            }
            return array;
        }

        private static String text(Optional<Instant> instant) {
            return instant.map(Instant::toString).orElse(null);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token, or an OAuth grant with all its tokens, by id; the very next request with it is refused with 401.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Parameters(paramLabel = "TOKEN_ID", description = "The token's id, as shown by token list.")
        String tokenId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (tokenId.startsWith(PlaintextToken.PREFIX)) {
                // Never echoed: it is a live secret.
                throw new IllegalArgumentException("That is a token itself, not its id. Pass the id that "
                        + "token list --org " + scope.org + " shows, e.g. 0b7e6f1c-3f5e-4c0e-9b9a-2f1d7c5a8e41.");
            }
            TokenId id = TokenId.parse(tokenId);
            RevocationResult result;
            try (TokenDatabase database = scope.openExisting(spec)) {
                result = new Wiring(database).revokeToken().revoke(scope.orgId(), id);
            }
            PrintWriter err = spec.commandLine().getErr();
            int exitCode = switch (result) {
                case RevocationResult.Revoked revoked -> {
                    err.println("Revoked token " + id + " at " + TIME.format(revoked.at()) + ".");
                    yield ExitCodes.OK;
                }
                case RevocationResult.AlreadyRevoked already -> {
                    err.println("Token " + id + " was already revoked at " + TIME.format(already.at()) + ".");
                    yield ExitCodes.OK;
                }
                case RevocationResult.NotFound notFound -> {
                    err.println("Error: org " + scope.org + " has no token " + id + ". See: token list --org " + scope.org);
                    yield ExitCodes.REFUSED;
                }
            };
            err.flush();
            return exitCode;
        }
    }
}
