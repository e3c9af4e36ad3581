package com.lucenthq.mcp.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data channel over real TLS: a private CA, the default trust store, plaintext, mutual TLS. */
class DataChannelTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final OrgId ACME = OrgId.of("acme");

    @TempDir
    static Path certificates;

    private Server server;
    private ManagedChannel channel;

    @BeforeAll
    static void makeCertificates() throws Exception {
        selfSigned("server");
        selfSigned("client");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerCertificateSignedByTheConfiguredAuthorityIsTrusted() throws Exception {
        startServer(TlsServerCredentials.newBuilder().keyManager(keyManagers("server")).build());

        GrpcIssueSource issues = source(new DataChannelSecurity.Tls(Optional.of(pem("server")), Optional.empty()));

        assertFalse(issues.list(ACME, Queries.issues()).items().isEmpty());
    }

    @Test
    void anUnknownAuthorityOrPlaintextIsRefused() throws Exception {
        startServer(TlsServerCredentials.newBuilder().keyManager(keyManagers("server")).build());

        GrpcIssueSource defaultTrust = source(new DataChannelSecurity.Tls(Optional.empty(), Optional.empty()));
        assertThrows(DataSourceUnavailableException.class, () -> defaultTrust.list(ACME, Queries.issues()));
        channel.shutdownNow();

        GrpcIssueSource plaintext = source(new DataChannelSecurity.Plaintext());
        assertThrows(DataSourceUnavailableException.class, () -> plaintext.list(ACME, Queries.issues()));
    }

    @Test
    void aServiceRequiringMutualTlsAcceptsTheConfiguredClientCertificateOnly() throws Exception {
        startServer(TlsServerCredentials.newBuilder().keyManager(keyManagers("server"))
                .trustManager(pem("client").toFile())
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build());

        GrpcIssueSource withoutCertificate = source(new DataChannelSecurity.Tls(Optional.of(pem("server")), Optional.empty()));
        assertThrows(DataSourceUnavailableException.class, () -> withoutCertificate.list(ACME, Queries.issues()));
        channel.shutdownNow();

        GrpcIssueSource withCertificate = source(new DataChannelSecurity.Tls(Optional.of(pem("server")),
                Optional.of(new DataChannelSecurity.ClientCertificate(pem("client"), privateKeyPem("client")))));
        assertFalse(withCertificate.list(ACME, Queries.issues()).items().isEmpty());
    }

    @Test
    void unreadableFilesAreAClearConfigurationError() {
        DataChannelSecurity missing = new DataChannelSecurity.Tls(Optional.of(certificates.resolve("absent.pem")), Optional.empty());
        assertThrows(UncheckedIOException.class, missing::credentials);
    }

    private void startServer(ServerCredentials credentials) throws IOException {
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, credentials);
        SampleBackend.services(Clock.systemUTC()).forEach(builder::addService);
        server = builder.build().start();
    }

    private GrpcIssueSource source(DataChannelSecurity security) {
        channel = DataChannels.open("localhost:" + server.getPort(), security);
        return new GrpcIssueSource(channel, Duration.ofSeconds(5));
    }

    /** A self-signed EC certificate for localhost and 127.0.0.1, made with the JDK's keytool. */
    private static void selfSigned(String name) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(keytool.toString(), "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store(name).toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", name, "-keystore", store(name).toString(),
                "-storepass", "changeit", "-file", pem(name).toString());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    private static KeyStore keyStore(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store(name))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static KeyManager[] keyManagers(String name) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore(name), PASSWORD);
        return factory.getKeyManagers();
    }

    /** The private key as PKCS#8 PEM, the form a client certificate's key file takes. */
    private static Path privateKeyPem(String name) throws Exception {
        byte[] pkcs8 = keyStore(name).getKey(name, PASSWORD).getEncoded();
        Path file = certificates.resolve(name + ".key");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static Path store(String name) {
        return certificates.resolve(name + ".p12");
    }

    private static Path pem(String name) {
        return certificates.resolve(name + ".pem");
    }
}
