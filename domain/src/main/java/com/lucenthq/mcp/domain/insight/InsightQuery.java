package com.lucenthq.mcp.domain.insight;

import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which insights to list, newest first. An open end of {@code created} is filled in by
 * {@link #resolvedAt(Instant)} so that "summarize the last week of insights" needs no argument.
 */
public record InsightQuery(TimeRange created, Optional<InsightKind> kind, Optional<SignalId> signalId,
                           PageRequest page) {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    public InsightQuery {
        created = created == null ? TimeRange.ALL : created;
        kind = kind == null ? Optional.empty() : kind;
        signalId = signalId == null ? Optional.empty() : signalId;
        page = page == null ? PageRequest.first() : page;
    }

    /** This query for another page. */
    public InsightQuery withPage(PageRequest other) {
        return new InsightQuery(created, kind, signalId, other);
    }

    /** This query over {@code range}, e.g. the window a first call resolved, so that later pages keep to it. */
    public InsightQuery within(TimeRange range) {
        return new InsightQuery(range, kind, signalId, page);
    }

    /**
     * This query with both ends of {@code created} set: {@code until} defaults to {@code now},
     * {@code since} to seven days before {@code until}.
     */
    public InsightQuery resolvedAt(Instant now) {
        Instant until = created.end().orElse(now);
        Instant since = created.start().orElse(until.minus(DEFAULT_SPAN));
        return new InsightQuery(new TimeRange(since, until), kind, signalId, page);
    }
}
