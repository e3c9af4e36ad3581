package com.lucenthq.mcp.adapters.mcp.transport;

import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.CLIENT;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.TOKEN_B;
import static com.lucenthq.mcp.adapters.mcp.transport.McpTestServer.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One tenant cannot lock out another: with the default limits, a flood of bad tokens from one address (a NAT, a
 * revoked client retrying) leaves a valid token from the same address admitted, against a real Helidon server.
 */
class CrossTenantLockoutTest {

    private McpTestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aValidTokenIsAdmittedFromAnAddressThatSpentItsFailedAuthenticationLimit() throws Exception {
        server = new McpTestServer(RateLimits.DEFAULTS, new SimpleMeterRegistry());
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            int status = server.ping(CLIENT, UNKNOWN).statusCode();
            refused += status == 429 ? 1 : 0;
            assertEquals(true, status == 401 || status == 429, "guess " + i + ": " + status);
        }
        assertEquals(10, refused, "the default allows a burst of 20 failures, then 429");
        assertEquals(200, server.ping(CLIENT, TOKEN_B).statusCode(), "another tenant's valid token from that address");
    }
}
