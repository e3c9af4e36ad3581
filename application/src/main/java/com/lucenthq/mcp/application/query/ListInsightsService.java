package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.application.port.in.query.ListInsights;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

/**
 * Lists insights in a window resolved once, on the first page: later pages reuse it from the
 * cursor, so "the last seven days" means the same seven days on every page.
 */
public final class ListInsightsService implements ListInsights {

    private final InsightSource insights;
    private final Clock clock;

    public ListInsightsService(InsightSource insights, Clock clock) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public InsightListing list(Principal principal, InsightQuery query) {
        InsightQuery resolved = query.page().cursor()
                .map(WindowedCursor::decode)
                .map(cursor -> continuing(query, cursor))
                .orElseGet(() -> query.resolvedAt(clock.now()));
        Page<Insight> page = insights.list(principal.org(), resolved);
        Page<Insight> withWindow = new Page<>(page.items(),
                page.next().map(next -> new WindowedCursor(resolved.created(), next).encode()));
        return new InsightListing(withWindow, resolved.created());
    }

    /** The query of a later page: the cursor's window, which explicit bounds must agree with. */
    private static InsightQuery continuing(InsightQuery query, WindowedCursor cursor) {
        TimeRange window = cursor.window();
        boolean agrees = query.created().start().map(window.since()::equals).orElse(true)
                && query.created().end().map(window.until()::equals).orElse(true);
        if (!agrees) {
            throw Cursor.foreign();
        }
        return new InsightQuery(window, query.kind(), query.signalId(),
                PageRequest.of(query.page().limit(), cursor.sourceCursor()));
    }
}
