package com.lucenthq.mcp.domain.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule an organization configured to match incoming events.
 *
 * @param query         the match expression
 * @param lastMatchedAt null when it never matched
 */
public record Signal(SignalId id, String name, String description, String query, boolean enabled,
                     Instant createdAt, MatchCounts matchCounts, Instant lastMatchedAt) {

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(matchCounts, "matchCounts");
    }

    public Optional<Instant> lastMatched() {
        return Optional.ofNullable(lastMatchedAt);
    }
}
