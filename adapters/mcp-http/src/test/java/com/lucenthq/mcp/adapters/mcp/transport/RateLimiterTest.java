package com.lucenthq.mcp.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock that only moves when told to. */
class RateLimiterTest {

    private static final long MS = 1_000_000;
    private final ManualTicker ticker = new ManualTicker();

    private RateLimiter<String> limiter(double perSecond, int burst, int maxKeys) {
        return new RateLimiter<>("test", Optional.of(RateLimits.Rate.perSecond(perSecond, burst)), maxKeys, ticker);
    }

    @Test
    void aFullBucketGrantsTheBurstThenRefillsOnePermitPerInterval() {
        RateLimiter<String> limiter = limiter(2, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("k"), "permit " + i);
        }
        assertEquals(500 * MS, limiter.acquire("k"));
        ticker.advance(Duration.ofMillis(499));
        assertEquals(MS, limiter.acquire("k"));
        ticker.advance(Duration.ofMillis(1));
        assertEquals(0, limiter.acquire("k"));
        assertEquals(500 * MS, limiter.acquire("k"));
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        RateLimiter<String> limiter = limiter(10, 2, 100);
        limiter.acquire("k");
        limiter.acquire("k");
        ticker.advance(Duration.ofHours(1));
        assertEquals(0, limiter.acquire("k"));
        assertEquals(0, limiter.acquire("k"));
        assertEquals(100 * MS, limiter.acquire("k"));
    }

    @Test
    void refusedRequestsTakeNothing() {
        RateLimiter<String> limiter = limiter(1, 1, 100);
        assertEquals(0, limiter.acquire("k"));
        for (int i = 0; i < 5; i++) {
            assertEquals(1000 * MS, limiter.acquire("k"));
        }
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(0, limiter.acquire("k"));
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        RateLimiter<String> limiter = limiter(1, 1, 100);
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
        assertEquals(0, limiter.acquire("b"));
    }

    @Test
    void manyDistinctKeysNeverGrowBeyondTheCapAndTheExtraOnesPass() {
        RateLimiter<String> limiter = limiter(1, 1, 100);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, limiter.acquire("key-" + i));
        }
        assertEquals(100, limiter.trackedKeys());
        assertTrue(limiter.acquire("key-0") > 0, "tracked keys stay limited");
    }

    @Test
    void idleKeysAreForgottenSoNewOnesAreTrackedAgain() {
        RateLimiter<String> limiter = limiter(1, 1, 100);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("key-" + i);
        }
        ticker.advance(Duration.ofSeconds(2));
        assertEquals(0, limiter.acquire("new"));
        assertEquals(1, limiter.trackedKeys());
        assertTrue(limiter.acquire("new") > 0, "the new key has a bucket");
    }

    @Test
    void thePeriodicSweepKeepsBucketsThatAreNotFullYet() {
        RateLimiter<String> limiter = new RateLimiter<>("test", Optional.of(RateLimits.Rate.perMinute(1, 1)), 100, ticker);
        limiter.acquire("busy");
        limiter.acquire("quiet");
        ticker.advance(Duration.ofSeconds(31));
        limiter.acquire("other");
        assertEquals(3, limiter.trackedKeys(), "nothing is full after 31 s at one permit a minute");
        assertEquals(29_000 * MS, limiter.acquire("busy"));
        ticker.advance(Duration.ofSeconds(60));
        limiter.acquire("busy");
        assertEquals(1, limiter.trackedKeys(), "the full buckets are swept");
    }

    @Test
    void aDisabledLimitGrantsEverythingAndTracksNothing() {
        RateLimiter<String> limiter = new RateLimiter<>("test", Optional.empty(), 100, ticker);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.acquire("k"));
        }
        assertEquals(0, limiter.acquire("k", 1000));
        assertEquals(0, limiter.trackedKeys());
    }
}
