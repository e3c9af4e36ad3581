package com.lucenthq.mcp.adapters.mcp.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time that stands still until a test moves it. Starts far from zero, as {@link System#nanoTime()} may. */
final class ManualTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - Duration.ofHours(1).toNanos());

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
