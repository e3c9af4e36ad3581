package com.lucenthq.mcp.adapters.mcp.transport;

/** A monotonic nanosecond source for the rate limiters, replaceable so that tests can move time without sleeping. */
@FunctionalInterface
interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin; only differences mean anything, as with {@link System#nanoTime()}. */
    long nanoTime();
}
