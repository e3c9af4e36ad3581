package com.lucenthq.mcp.adapters.mcp.transport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A token bucket per key, lock-free. Each bucket is one {@code long}, its theoretical arrival time (the generic cell
 * rate algorithm, equivalent to a token bucket): the instant at which the bucket would be full again. A request
 * advances it by one permit's refill time and is refused when that would put it more than a whole burst ahead of now.
 *
 * <p>Memory is bounded: a bucket whose arrival time has passed is full, so forgetting it changes nothing; such
 * buckets are swept every {@value #SWEEP_INTERVAL_SECONDS} s, and at most once a second when {@code maxKeys} keys are
 * tracked. If the cap is still reached (a flood of distinct active keys), new keys pass without a bucket: this keeps
 * memory bounded without letting a flood lock out clients it has never seen.
 */
final class RateLimiter<K> {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long SWEEP_INTERVAL_SECONDS = 30;
    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(SWEEP_INTERVAL_SECONDS);
    private static final long FULL_SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);
    /** Marks a bucket the sweeper has taken out of the map: whoever still holds it looks the key up again. */
    private static final long EVICTED = Long.MIN_VALUE;

    private final String name;
    private final boolean enabled;
    private final long nanosPerPermit;
    private final long burstNanos;
    private final int maxKeys;
    private final Ticker ticker;
    private final Map<K, AtomicLong> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;
    private final AtomicLong lastWarning;

    /** A limiter named {@code name} in warnings; with an empty rate, one that grants everything and tracks nothing. */
    RateLimiter(String name, Optional<RateLimits.Rate> rate, int maxKeys, Ticker ticker) {
        this.name = name;
        this.enabled = rate.isPresent();
        this.nanosPerPermit = rate.map(RateLimits.Rate::nanosPerPermit).orElse(0L);
        this.burstNanos = rate.map(r -> r.burst() * r.nanosPerPermit()).orElse(0L);
        this.maxKeys = maxKeys;
        this.ticker = ticker;
        long now = ticker.nanoTime();
        this.lastSweep = new AtomicLong(now);
        this.lastWarning = new AtomicLong(now - WARNING_INTERVAL);
    }

    /** Takes a permit for {@code key}. Returns 0 when granted, else the nanoseconds until one is available. */
    long acquire(K key) {
        return acquire(key, 1);
    }

    /**
     * Takes {@code permits} permits for {@code key} at once, or none. Returns 0 when granted, else the nanoseconds
     * until that many are available (more than the burst are never granted: the wait then is a whole refill).
     */
    long acquire(K key, int permits) {
        if (!enabled || permits <= 0) {
            return 0;
        }
        long now = ticker.nanoTime();
        maybeSweep(now, SWEEP_INTERVAL);
        while (true) {
            AtomicLong bucket = bucketFor(key, now);
            if (bucket == null) {
                return 0;
            }
            long arrival = bucket.get();
            if (arrival == EVICTED) {
                buckets.remove(key, bucket);
                continue;
            }
            long next = Math.max(arrival - now, 0) + permits * nanosPerPermit;
            if (next > burstNanos) {
                return Math.min(next - burstNanos, burstNanos);
            }
            if (bucket.compareAndSet(arrival, now + next)) {
                return 0;
            }
        }
    }

    int trackedKeys() {
        return buckets.size();
    }

    private AtomicLong bucketFor(K key, long now) {
        AtomicLong bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxKeys) {
            maybeSweep(now, FULL_SWEEP_INTERVAL);
            if (buckets.size() >= maxKeys) {
                warnSaturated(now);
                return null;
            }
        }
        // A new key starts full: its arrival time is now.
        AtomicLong fresh = new AtomicLong(now);
        AtomicLong raced = buckets.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /** Sweeps if the last sweep is {@code interval} old; one caller wins, the others go on without waiting. */
    private void maybeSweep(long now, long interval) {
        long last = lastSweep.get();
        if (now - last >= interval && lastSweep.compareAndSet(last, now)) {
            buckets.forEach((key, bucket) -> {
                long arrival = bucket.get();
                if (arrival != EVICTED && arrival - now <= 0 && bucket.compareAndSet(arrival, EVICTED)) {
                    buckets.remove(key, bucket);
                }
            });
        }
    }

    private void warnSaturated(long now) {
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL && lastWarning.compareAndSet(last, now)) {
            LOG.warning("Rate limit " + name + " tracks " + maxKeys + " active keys, its cap: new keys pass "
                    + "unlimited until idle ones expire");
        }
    }
}
