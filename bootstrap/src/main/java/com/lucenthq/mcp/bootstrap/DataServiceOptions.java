package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the lucent.data.v1 services are, for the commands that ask them whether an org exists
 * ({@code token create}, {@code admin create}): the same options and environment variables as {@code serve}.
 */
final class DataServiceOptions {

    @Option(names = "--data-target", paramLabel = "TARGET", defaultValue = "${env:LUCENT_MCP_DATA_TARGET}",
            description = "gRPC target of the lucent.data.v1 services, asked whether the org exists "
                    + "(default: the bundled sample data; env LUCENT_MCP_DATA_TARGET).")
    String dataTarget;

    @Option(names = "--data-plaintext", defaultValue = "${env:LUCENT_MCP_DATA_PLAINTEXT:-false}",
            description = "Talk to --data-target without TLS (env LUCENT_MCP_DATA_PLAINTEXT).")
    boolean dataPlaintext;

    @Option(names = "--data-ca-file", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CA_FILE}",
            description = "CA certificates (PEM) to trust for --data-target's TLS (env LUCENT_MCP_DATA_CA_FILE).")
    Path dataCaFile;

    @Option(names = "--data-client-cert", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CLIENT_CERT}",
            description = "Client certificate chain (PEM) for mutual TLS (env LUCENT_MCP_DATA_CLIENT_CERT).")
    Path dataClientCert;

    @Option(names = "--data-client-key", paramLabel = "PEM", defaultValue = "${env:LUCENT_MCP_DATA_CLIENT_KEY}",
            description = "Private key (PKCS#8 PEM) of --data-client-cert (env LUCENT_MCP_DATA_CLIENT_KEY).")
    Path dataClientKey;

    @Option(names = "--allow-unverified-org",
            description = "Mint even when the data services cannot be reached to confirm that the org exists. "
                    + "An org they answer is unknown is still refused.")
    boolean allowUnverifiedOrg;

    Optional<String> target() {
        return Optional.ofNullable(dataTarget).filter(target -> !target.isBlank());
    }

    DataChannelSecurity security() {
        return new DataOptions.Flags("data", dataTarget, dataPlaintext, dataCaFile, dataClientCert, dataClientKey, null)
                .security();
    }
}
