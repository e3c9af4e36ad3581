package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.domain.org.OrgId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With no --public-url, a browser on 127.0.0.1, localhost or [::1] reaches the same server, and may sign in. */
class LoopbackOriginsTest {

    @TempDir
    static Path dataDir;
    private static FullServerFixture fixture;
    private static String adminKey;

    @BeforeAll
    static void start() {
        fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5), FullServerFixture.NO_LIMITS);
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            adminKey = new CreateAdminKeyService(database.adminStore(), new SecureRandomSecretGenerator(), new Sha256SecretHasher(),
                    Wiring.SYSTEM_CLOCK).create(OrgId.of("acme")).key().reveal();
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]"})
    void theSettingsPageSignsInFromEveryLoopbackSpelling(String host) {
        HttpResponse<String> signedIn = signIn("http://" + host + ":" + fixture.server.port());

        assertEquals(200, signedIn.statusCode(), signedIn.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]"})
    void theMcpEndpointAcceptsEveryLoopbackSpellingAsOrigin(String host) {
        HttpResponse<String> answered = fixture.send(HttpRequest.newBuilder(fixture.mcpUri())
                .header("Authorization", "Bearer " + fixture.token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Origin", "http://" + host + ":" + fixture.server.port())
                .POST(HttpRequest.BodyPublishers.ofString(FullServerFixture.LIST_ISSUES)).build());

        assertEquals(200, answered.statusCode(), answered.body());
    }

    @Test
    void aForeignOriginIsRefusedWithAMessageThatSaysWhy() {
        HttpResponse<String> foreign = signIn("http://localhost:" + (fixture.server.port() == 1 ? 2 : fixture.server.port() - 1));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("its Origin header names another site"), foreign.body());
        assertTrue(foreign.body().contains("http://127.0.0.1:" + fixture.server.port() + "/admin/"), foreign.body());

        HttpResponse<String> none = fixture.send(HttpRequest.newBuilder(URI.create(base() + "/admin/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"admin_key\":\"" + adminKey + "\"}")).build());
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("it carried no Origin header"), none.body());
    }

    @Test
    void aWildcardHostWithoutPublicUrlFallsBackToLoopbackInsteadOfAnUnreachableAddress() {
        assertEquals(URI.create("http://127.0.0.1:8080"), DefaultPublicUrl.of("0.0.0.0", 8080));
        assertEquals(URI.create("http://127.0.0.1:8080"), DefaultPublicUrl.of("::", 8080));
        assertEquals(List.of(URI.create("http://localhost:8080"), URI.create("http://[::1]:8080")),
                DefaultPublicUrl.aliases(URI.create("http://127.0.0.1:8080")));
        assertEquals(List.of(), DefaultPublicUrl.aliases(URI.create("http://mcp.internal:8080")));
    }

    private static String base() {
        return "http://127.0.0.1:" + fixture.server.port();
    }

    private static HttpResponse<String> signIn(String origin) {
        return fixture.send(HttpRequest.newBuilder(URI.create(base() + "/admin/api/session"))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"admin_key\":\"" + adminKey + "\"}")).build());
    }
}
