package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** How the per-service options fall back to the --data-* ones, parsed by picocli as serve parses them. */
class DataOptionsTest {

    @Command
    static final class Holder {
        @Mixin
        DataOptions data;
    }

    private static DataEndpoints parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.data.endpoints();
    }

    @Test
    void withoutAnyTargetEveryServiceUsesTheBundledBackend() {
        DataEndpoints endpoints = parse();

        assertEquals(Optional.empty(), endpoints.issues().target());
        assertEquals(new DataChannelSecurity.Plaintext(), endpoints.insights().effectiveSecurity());
        assertEquals(Duration.ofSeconds(2), endpoints.signals().deadline());
    }

    @Test
    void eachServiceFallsBackToTheDataOptions() {
        DataEndpoints endpoints = parse("--data-target", "dns:///data.internal:443", "--data-ca-file", "ca.pem",
                "--data-deadline", "PT3S", "--issues-target", "dns:///issues.internal:443", "--issues-deadline", "PT1S");

        DataChannelSecurity dataTls = new DataChannelSecurity.Tls(Optional.of(Path.of("ca.pem")), Optional.empty());
        assertEquals(new DataEndpoint(Optional.of("dns:///issues.internal:443"), dataTls, Duration.ofSeconds(1)),
                endpoints.issues());
        assertEquals(new DataEndpoint(Optional.of("dns:///data.internal:443"), dataTls, Duration.ofSeconds(3)),
                endpoints.signals());
        assertEquals(endpoints.signals(), endpoints.insights());
    }

    @Test
    void aServicesOwnTlsOptionsReplaceTheDataOnesAsASet() {
        DataEndpoints endpoints = parse("--data-target", "data:443", "--data-ca-file", "ca.pem",
                "--data-client-cert", "me.pem", "--data-client-key", "me.key",
                "--signals-target", "signals:7443", "--signals-plaintext", "--insights-ca-file", "insights-ca.pem");

        assertEquals(new DataChannelSecurity.Plaintext(), endpoints.signals().security());
        assertEquals(new DataChannelSecurity.Tls(Optional.of(Path.of("insights-ca.pem")), Optional.empty()),
                endpoints.insights().security());
        assertEquals(new DataChannelSecurity.Tls(Optional.of(Path.of("ca.pem")), Optional.of(
                new DataChannelSecurity.ClientCertificate(Path.of("me.pem"), Path.of("me.key")))), endpoints.issues().security());
    }

    @Test
    void contradictoryTlsOptionsNameTheService() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--insights-plaintext", "--insights-ca-file", "ca.pem"));
        assertEquals("--insights-plaintext cannot be combined with TLS files", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("--issues-client-cert", "me.pem"));
        assertEquals("--issues-client-cert and --issues-client-key go together", e.getMessage());
    }

    @Test
    void plaintextCanBeTurnedOffForOneService() {
        DataEndpoints endpoints = parse("--data-target", "data:443", "--data-plaintext", "--issues-plaintext=false");

        assertEquals(new DataChannelSecurity.Tls(Optional.empty(), Optional.empty()), endpoints.issues().security());
        assertEquals(new DataChannelSecurity.Plaintext(), endpoints.signals().security());
    }
}
