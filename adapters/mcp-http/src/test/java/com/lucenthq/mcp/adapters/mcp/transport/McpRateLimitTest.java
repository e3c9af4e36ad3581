package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.OTHER_CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.REVOKED;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_A;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_B;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.mcp.transport.RateLimits.Rate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rate limits of the MCP endpoint on a real server, from real clients at two loopback addresses. */
class McpRateLimitTest {

    private McpTestServer server;

    private McpTestServer start(Optional<Rate> perToken, Optional<Rate> perAddress, Optional<Rate> failedAuth) {
        server = new McpTestServer(new RateLimits(perToken, perAddress, failedAuth, 1000), new SimpleMeterRegistry());
        return server;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterAndOtherTokensDoNot() throws Exception {
        McpTestServer server = start(Optional.of(Rate.perSecond(0.5, 3)), Optional.empty(), Optional.empty());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode(), "request " + i);
        }
        HttpResponse<String> refused = server.ping(CLIENT, TOKEN_A);
        assertTooManyRequests(refused, "2");
        assertTrue(refused.body().contains("token"), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty(), "a valid token never looks unauthorized");
        assertEquals(200, server.ping(CLIENT, TOKEN_B).statusCode());
        assertEquals(200, server.ping(OTHER_CLIENT, TOKEN_B).statusCode());
        assertEquals(429, server.ping(OTHER_CLIENT, TOKEN_A).statusCode(), "the limit follows the token, not the address");
    }

    @Test
    void aRefusedTokenIsAdmittedAgainOnceItsBucketRefillsAndRetryAfterRoundsUp() throws Exception {
        McpTestServer server = start(Optional.of(Rate.perSecond(0.5, 1)), Optional.empty(), Optional.empty());
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode());
        assertTooManyRequests(server.ping(CLIENT, TOKEN_A), "2");
        server.ticker.advance(Duration.ofMillis(500));
        assertTooManyRequests(server.ping(CLIENT, TOKEN_A), "2");
        server.ticker.advance(Duration.ofMillis(1000));
        assertTooManyRequests(server.ping(CLIENT, TOKEN_A), "1");
        server.ticker.advance(Duration.ofMillis(500));
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode());
        assertEquals(429, server.ping(CLIENT, TOKEN_A).statusCode());
    }

    @Test
    void anAddressOverItsRateGets429EvenWithoutATokenAndOtherAddressesDoNot() throws Exception {
        McpTestServer server = start(Optional.empty(), Optional.of(Rate.perSecond(2, 4)), Optional.empty());
        assertEquals(401, server.ping(CLIENT, null).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode(), "request " + i);
        }
        assertTooManyRequests(server.ping(CLIENT, null), "1");
        HttpResponse<String> refused = server.ping(CLIENT, TOKEN_B);
        assertTooManyRequests(refused, "1");
        assertTrue(refused.body().contains("address"), refused.body());
        assertEquals(200, server.ping(OTHER_CLIENT, TOKEN_A).statusCode());
        server.ticker.advance(Duration.ofMillis(500));
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode());
    }

    @Test
    void failedAuthenticationsThrottleTheAddressBeforeTheTokenStoreIsAsked() throws Exception {
        McpTestServer server = start(Optional.empty(), Optional.empty(), Optional.of(Rate.perMinute(10, 3)));
        for (String guess : new String[] {UNKNOWN, REVOKED, "luc_mcp_short"}) {
            assertEquals(401, server.ping(CLIENT, guess).statusCode(), guess);
        }
        int asked = server.authentications.get();
        HttpResponse<String> refused = server.ping(CLIENT, TOKEN_A);
        assertTooManyRequests(refused, "6");
        assertTrue(refused.body().contains("failed authentications"), refused.body());
        assertTooManyRequests(server.ping(CLIENT, UNKNOWN), "6");
        assertEquals(asked, server.authentications.get(), "the token store is not asked once the address is throttled");

        assertEquals(200, server.ping(OTHER_CLIENT, TOKEN_A).statusCode(), "another address is unaffected");

        server.ticker.advance(Duration.ofSeconds(6));
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode(), "one failure has expired");
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode(), "successes spend nothing");
        assertEquals(401, server.ping(CLIENT, UNKNOWN).statusCode());
        assertEquals(429, server.ping(CLIENT, TOKEN_A).statusCode());
    }

    @Test
    void requestsWithoutACredentialAreNotCountedAsGuesses() throws Exception {
        McpTestServer server = start(Optional.empty(), Optional.empty(), Optional.of(Rate.perMinute(10, 1)));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, server.ping(CLIENT, null).statusCode());
        }
        assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode());
    }

    @Test
    void theDefaultsLetAnOrdinarySessionThroughButNotAFlood() throws Exception {
        server = new McpTestServer(RateLimits.DEFAULTS, new SimpleMeterRegistry());
        for (int i = 0; i < 40; i++) {
            assertEquals(200, server.ping(CLIENT, TOKEN_A).statusCode(), "request " + i);
        }
        assertTooManyRequests(server.ping(CLIENT, TOKEN_A), "1");
        for (int i = 0; i < 20; i++) {
            assertEquals(401, server.ping(OTHER_CLIENT, UNKNOWN).statusCode(), "guess " + i);
        }
        assertTooManyRequests(server.ping(OTHER_CLIENT, UNKNOWN), "6");
    }

    private static void assertTooManyRequests(HttpResponse<String> response, String retryAfter) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals(retryAfter, response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(response.body().contains("retry in " + retryAfter + " second"), response.body());
    }
}
