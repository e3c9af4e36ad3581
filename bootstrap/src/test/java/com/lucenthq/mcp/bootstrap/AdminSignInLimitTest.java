package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.domain.org.OrgId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failed-authentication limit on {@code POST /admin/api/session}, on the full server with the default limits. */
class AdminSignInLimitTest {

    @TempDir
    Path dataDir;

    @Test
    void wrongAdminKeysBeyondTheLimitGet429WithRetryAfterWhileAValidKeyStillSignsIn() {
        try (FullServerFixture fixture = FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5),
                RateLimits.DEFAULTS)) {
            String adminKey;
            try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
                adminKey = new CreateAdminKeyService(database.adminStore(), new SecureRandomSecretGenerator(),
                        new Sha256SecretHasher(), Wiring.SYSTEM_CLOCK).create(OrgId.of("acme")).key().reveal();
            }
            int unauthorized = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 25; i++) {
                last = signIn(fixture, "luc_adm_" + String.format("%032d", i));
                if (last.statusCode() == 401) {
                    unauthorized++;
                } else {
                    assertEquals(429, last.statusCode(), last.body());
                }
            }
            assertEquals(20, unauthorized, "the default burst of failed authentications, then 429");
            assertTrue(last.headers().firstValue("Retry-After").orElse("").matches("\\d+"), last.headers().map().toString());
            assertTrue(last.body().contains("too_many_attempts"), last.body());
            assertEquals(200, signIn(fixture, adminKey).statusCode(), "a valid admin key is never refused for others' failures");
        }
    }

    private static HttpResponse<String> signIn(FullServerFixture fixture, String key) {
        String origin = "http://127.0.0.1:" + fixture.server.port();
        return fixture.send(HttpRequest.newBuilder(URI.create(origin + "/admin/api/session"))
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"admin_key\":\"" + key + "\"}"))
                .build());
    }
}
