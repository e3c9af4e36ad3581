package com.lucenthq.mcp.adapters.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How a channel to the data services is secured. */
public sealed interface DataChannelSecurity {

    /** No encryption: loopback or a sidecar proxy only. */
    record Plaintext() implements DataChannelSecurity {
    }

    /**
     * TLS, verifying the server's certificate and host name.
     *
     * @param trustedCertificates PEM file of the CAs to trust; empty for the JDK's default trust store
     * @param clientCertificate   this server's own certificate, for services that require mutual TLS
     */
    record Tls(Optional<Path> trustedCertificates, Optional<ClientCertificate> clientCertificate)
            implements DataChannelSecurity {
        public Tls {
            Objects.requireNonNull(trustedCertificates, "trustedCertificates");
            Objects.requireNonNull(clientCertificate, "clientCertificate");
        }
    }

    /** A PEM certificate chain and its PEM (PKCS#8) private key. */
    record ClientCertificate(Path certificateChain, Path privateKey) {
        public ClientCertificate {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** @throws UncheckedIOException when a certificate or key file cannot be read or parsed */
    default ChannelCredentials credentials() {
        return switch (this) {
            case Plaintext plaintext -> InsecureChannelCredentials.create();
            case Tls tls -> {
                TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
                try {
                    if (tls.trustedCertificates().isPresent()) {
                        builder.trustManager(tls.trustedCertificates().get().toFile());
                    }
                    if (tls.clientCertificate().isPresent()) {
                        ClientCertificate own = tls.clientCertificate().get();
                        builder.keyManager(own.certificateChain().toFile(), own.privateKey().toFile());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the TLS files of the data channel: " + e.getMessage(), e);
                }
                yield builder.build();
            }
        };
    }
}
