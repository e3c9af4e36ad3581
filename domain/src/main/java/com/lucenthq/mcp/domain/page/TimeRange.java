package com.lucenthq.mcp.domain.page;

import com.lucenthq.mcp.domain.InvalidValueException;
import java.time.Instant;
import java.util.Optional;

/**
 * A span of time, either end optional: {@code since} inclusive, {@code until} exclusive.
 *
 * @param since null for "from the beginning"
 * @param until null for "up to now"
 */
public record TimeRange(Instant since, Instant until) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidValueException("since", "must be before until");
        }
    }

    public Optional<Instant> start() {
        return Optional.ofNullable(since);
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(until);
    }

    public boolean contains(Instant instant) {
        return (since == null || !instant.isBefore(since)) && (until == null || instant.isBefore(until));
    }
}
