package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the issues, signals and insights services are and how they are reached. The {@code --data-*} options apply to
 * all three; {@code --issues-*}, {@code --signals-*} and {@code --insights-*} override them for one service. A service's
 * TLS options replace the {@code --data-*} ones as a set when any of them is given, so that settings meant for
 * different servers are never mixed.
 */
final class DataOptions {

    @Option(names = "--data-target", paramLabel = "TARGET", defaultValue = "${env:LUCENT_MCP_DATA_TARGET}",
            description = "gRPC target of the lucent.data.v1 services, e.g. dns:///data.internal:443 "
                    + "(default: start the bundled sample backend; env LUCENT_MCP_DATA_TARGET).")
    String dataTarget;

    @Option(names = "--data-plaintext", defaultValue = "${env:LUCENT_MCP_DATA_PLAINTEXT:-false}",
            description = "Talk to --data-target without TLS (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_PLAINTEXT).")
    boolean dataPlaintext;

    @Option(names = "--data-ca-file", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CA_FILE}",
            description = "CA certificates (PEM) to trust for --data-target's TLS (default: the JDK's trust store; "
                    + "env LUCENT_MCP_DATA_CA_FILE).")
    Path dataCaFile;

    @Option(names = "--data-client-cert", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CLIENT_CERT}",
            description = "Client certificate chain (PEM) for data services that require mutual TLS "
                    + "(env LUCENT_MCP_DATA_CLIENT_CERT); needs --data-client-key.")
    Path dataClientCert;

    @Option(names = "--data-client-key", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CLIENT_KEY}",
            description = "Private key (PKCS#8 PEM) of --data-client-cert (env LUCENT_MCP_DATA_CLIENT_KEY).")
    Path dataClientKey;

    @Option(names = "--data-deadline", paramLabel = "DURATION", defaultValue = "${env:LUCENT_MCP_DATA_DEADLINE:-PT2S}",
            description = "Deadline of each data-service call, ISO-8601 (default: ${DEFAULT-VALUE}; env LUCENT_MCP_DATA_DEADLINE).")
    Duration dataDeadline;

    @Option(names = "--issues-target", paramLabel = "TARGET", defaultValue = "${env:LUCENT_MCP_ISSUES_TARGET}",
            description = "gRPC target of lucent.data.v1.IssueService (default: --data-target; env LUCENT_MCP_ISSUES_TARGET).")
    String issuesTarget;

    @Option(names = "--issues-plaintext", arity = "0..1", paramLabel = "BOOLEAN", defaultValue = "${env:LUCENT_MCP_ISSUES_PLAINTEXT}",
            description = "Talk to the issue service without TLS (default: --data-plaintext; env LUCENT_MCP_ISSUES_PLAINTEXT).")
    Boolean issuesPlaintext;

    @Option(names = "--issues-ca-file", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_ISSUES_CA_FILE}",
            description = "CA certificates (PEM) of the issue service (default: --data-ca-file; env LUCENT_MCP_ISSUES_CA_FILE).")
    Path issuesCaFile;

    @Option(names = "--issues-client-cert", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_ISSUES_CLIENT_CERT}",
            description = "Client certificate chain (PEM) for the issue service (env LUCENT_MCP_ISSUES_CLIENT_CERT).")
    Path issuesClientCert;

    @Option(names = "--issues-client-key", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_ISSUES_CLIENT_KEY}",
            description = "Private key (PKCS#8 PEM) of --issues-client-cert (env LUCENT_MCP_ISSUES_CLIENT_KEY).")
    Path issuesClientKey;

    @Option(names = "--issues-deadline", paramLabel = "DURATION", defaultValue = "${env:LUCENT_MCP_ISSUES_DEADLINE}",
            description = "Deadline of each issue-service call (default: --data-deadline; env LUCENT_MCP_ISSUES_DEADLINE).")
    Duration issuesDeadline;

    @Option(names = "--signals-target", paramLabel = "TARGET", defaultValue = "${env:LUCENT_MCP_SIGNALS_TARGET}",
            description = "gRPC target of lucent.data.v1.SignalService (default: --data-target; env LUCENT_MCP_SIGNALS_TARGET).")
    String signalsTarget;

    @Option(names = "--signals-plaintext", arity = "0..1", paramLabel = "BOOLEAN", defaultValue = "${env:LUCENT_MCP_SIGNALS_PLAINTEXT}",
            description = "Talk to the signal service without TLS (default: --data-plaintext; env LUCENT_MCP_SIGNALS_PLAINTEXT).")
    Boolean signalsPlaintext;

    @Option(names = "--signals-ca-file", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_SIGNALS_CA_FILE}",
            description = "CA certificates (PEM) of the signal service (default: --data-ca-file; env LUCENT_MCP_SIGNALS_CA_FILE).")
    Path signalsCaFile;

    @Option(names = "--signals-client-cert", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_SIGNALS_CLIENT_CERT}",
            description = "Client certificate chain (PEM) for the signal service (env LUCENT_MCP_SIGNALS_CLIENT_CERT).")
    Path signalsClientCert;

    @Option(names = "--signals-client-key", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_SIGNALS_CLIENT_KEY}",
            description = "Private key (PKCS#8 PEM) of --signals-client-cert (env LUCENT_MCP_SIGNALS_CLIENT_KEY).")
    Path signalsClientKey;

    @Option(names = "--signals-deadline", paramLabel = "DURATION", defaultValue = "${env:LUCENT_MCP_SIGNALS_DEADLINE}",
            description = "Deadline of each signal-service call (default: --data-deadline; env LUCENT_MCP_SIGNALS_DEADLINE).")
    Duration signalsDeadline;

    @Option(names = "--insights-target", paramLabel = "TARGET", defaultValue = "${env:LUCENT_MCP_INSIGHTS_TARGET}",
            description = "gRPC target of lucent.data.v1.InsightService (default: --data-target; env LUCENT_MCP_INSIGHTS_TARGET).")
    String insightsTarget;

    @Option(names = "--insights-plaintext", arity = "0..1", paramLabel = "BOOLEAN", defaultValue = "${env:LUCENT_MCP_INSIGHTS_PLAINTEXT}",
            description = "Talk to the insight service without TLS (default: --data-plaintext; env LUCENT_MCP_INSIGHTS_PLAINTEXT).")
    Boolean insightsPlaintext;

    @Option(names = "--insights-ca-file", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_INSIGHTS_CA_FILE}",
            description = "CA certificates (PEM) of the insight service (default: --data-ca-file; env LUCENT_MCP_INSIGHTS_CA_FILE).")
    Path insightsCaFile;

    @Option(names = "--insights-client-cert", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_INSIGHTS_CLIENT_CERT}",
            description = "Client certificate chain (PEM) for the insight service (env LUCENT_MCP_INSIGHTS_CLIENT_CERT).")
    Path insightsClientCert;

    @Option(names = "--insights-client-key", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_INSIGHTS_CLIENT_KEY}",
            description = "Private key (PKCS#8 PEM) of --insights-client-cert (env LUCENT_MCP_INSIGHTS_CLIENT_KEY).")
    Path insightsClientKey;

    @Option(names = "--insights-deadline", paramLabel = "DURATION", defaultValue = "${env:LUCENT_MCP_INSIGHTS_DEADLINE}",
            description = "Deadline of each insight-service call (default: --data-deadline; env LUCENT_MCP_INSIGHTS_DEADLINE).")
    Duration insightsDeadline;

    /** @throws IllegalArgumentException when TLS options contradict each other, naming the options */
    DataEndpoints endpoints() {
        Flags data = new Flags("data", dataTarget, dataPlaintext, dataCaFile, dataClientCert, dataClientKey, dataDeadline);
        return new DataEndpoints(
                endpoint(data, new Flags("issues", issuesTarget, issuesPlaintext, issuesCaFile, issuesClientCert,
                        issuesClientKey, issuesDeadline)),
                endpoint(data, new Flags("signals", signalsTarget, signalsPlaintext, signalsCaFile, signalsClientCert,
                        signalsClientKey, signalsDeadline)),
                endpoint(data, new Flags("insights", insightsTarget, insightsPlaintext, insightsCaFile, insightsClientCert,
                        insightsClientKey, insightsDeadline)));
    }

    private static DataEndpoint endpoint(Flags data, Flags service) {
        return new DataEndpoint(
                Optional.ofNullable(service.target()).filter(t -> !t.isBlank()).or(() -> Optional.ofNullable(data.target())),
                service.setsTls() ? service.security() : data.security(),
                service.deadline() == null ? data.deadline() : service.deadline());
    }

    /**
     * One service's options as given, any of them null when not set; {@code prefix} names them in errors. Also how the
     * commands that only ask whether an org exists ({@link DataServiceOptions}) read their {@code --data-*} options.
     */
    record Flags(String prefix, String target, Boolean plaintext, Path caFile, Path clientCert, Path clientKey,
                         Duration deadline) {

        boolean setsTls() {
            return plaintext != null || caFile != null || clientCert != null || clientKey != null;
        }

        DataChannelSecurity security() {
            if ((clientCert == null) != (clientKey == null)) {
                throw new IllegalArgumentException("--" + prefix + "-client-cert and --" + prefix + "-client-key go together");
            }
            if (Boolean.TRUE.equals(plaintext)) {
                if (caFile != null || clientCert != null) {
                    throw new IllegalArgumentException("--" + prefix + "-plaintext cannot be combined with TLS files");
                }
                return new DataChannelSecurity.Plaintext();
            }
            return new DataChannelSecurity.Tls(Optional.ofNullable(caFile), Optional.ofNullable(clientCert)
                    .map(certificate -> new DataChannelSecurity.ClientCertificate(certificate, clientKey)));
        }
    }
}
