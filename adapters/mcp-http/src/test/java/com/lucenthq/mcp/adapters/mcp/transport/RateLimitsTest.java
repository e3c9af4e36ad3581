package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.mcp.transport.RateLimits.Rate;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void configurationFormsAreRead() {
        assertEquals(Optional.of(new Rate(20, 40)), RateLimits.parseRate("20/s,burst=40"));
        assertEquals(Optional.of(Rate.perMinute(10, 20)), RateLimits.parseRate(" 10/MIN,burst=20 "));
        assertEquals(Optional.of(new Rate(0.5, 2)), RateLimits.parseRate("1800/h,burst=2"));
        assertEquals(Optional.of(new Rate(2.5, 3)), RateLimits.parseRate("2.5/s"));
        assertEquals(Optional.empty(), RateLimits.parseRate("off"));
    }

    @Test
    void otherFormsAreRefusedNamingTheExpectedOne() {
        for (String text : new String[] {"", "20", "20/day", "-1/s", "20/s,40", "20/s,burst=0", "0/s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimits.parseRate(text), text);
            assertTrue(e.getMessage().contains("RATE/UNIT") || e.getMessage().contains("must be"), e.getMessage());
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(Optional.of(new Rate(20, 40)), RateLimits.DEFAULTS.perToken());
        assertEquals(Optional.of(new Rate(50, 100)), RateLimits.DEFAULTS.perAddress());
        assertEquals(Optional.of(Rate.perMinute(10, 20)), RateLimits.DEFAULTS.failedAuthPerAddress());
        assertEquals(RateLimits.DEFAULTS, McpHttpConfig.forBaseUrl(URI.create("https://x.example")).rateLimits());
    }
}
