package com.lucenthq.mcp.domain.page;

import com.lucenthq.mcp.domain.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A span of time with both ends set, {@code since} inclusive, {@code until} exclusive: what a summary
 * counts over, and what it compares with ({@link #previous()}).
 */
public record Window(Instant since, Instant until) {

    public Window {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (!since.isBefore(until)) {
            throw new InvalidValueException("since", "must be before until");
        }
    }

    /**
     * The window a request means: its explicit ends, {@code until} defaulting to {@code now} and
     * {@code since} to {@code span} before {@code until}.
     */
    public static Window resolve(TimeRange requested, Instant now, Duration span) {
        Instant until = requested.end().orElse(now);
        return new Window(requested.start().orElse(until.minus(span)), until);
    }

    public Duration length() {
        return Duration.between(since, until);
    }

    /** The window of the same length that ends where this one starts: the trend's baseline. */
    public Window previous() {
        return new Window(since.minus(length()), since);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(since) && instant.isBefore(until);
    }

    public TimeRange range() {
        return new TimeRange(since, until);
    }
}
