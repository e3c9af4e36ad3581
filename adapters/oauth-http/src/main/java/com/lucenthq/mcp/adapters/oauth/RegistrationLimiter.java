package com.lucenthq.mcp.adapters.oauth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many dynamic registrations one client address may make per window, per replica: registration is open to
 * anyone, and each one is a row in the shared database. A fixed window is coarse but enough against filling it.
 */
final class RegistrationLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, long[]> windows = new HashMap<>();

    RegistrationLimiter(int perWindow, Duration window, LongSupplier nanoTime) {
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether {@code address} may register now; counts the attempt if so. */
    synchronized boolean tryAcquire(String address) {
        long now = nanoTime.getAsLong();
        if (windows.size() >= MAX_TRACKED_ADDRESSES) {
            windows.values().removeIf(window -> now - window[0] >= windowNanos);
            if (windows.size() >= MAX_TRACKED_ADDRESSES) {
                return false;
            }
        }
        long[] window = windows.computeIfAbsent(address, key -> new long[] {now, 0});
        if (now - window[0] >= windowNanos) {
            window[0] = now;
            window[1] = 0;
        }
        if (window[1] >= perWindow) {
            return false;
        }
        window[1]++;
        return true;
    }

    /** Whole seconds until {@code address}'s window ends, at least 1. */
    synchronized long retryAfterSeconds(String address) {
        long[] window = windows.get(address);
        long left = window == null ? 0 : windowNanos - (nanoTime.getAsLong() - window[0]);
        return Math.max(1, (left + 999_999_999) / 1_000_000_000);
    }
}
