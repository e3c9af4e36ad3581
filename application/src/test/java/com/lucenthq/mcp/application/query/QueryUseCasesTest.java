package com.lucenthq.mcp.application.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.application.port.in.query.InsightListing;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueFigures;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Every query use case asks its source for the principal's org, and only that org. */
class QueryUseCasesTest {

    private static final Principal GLOBEX = new Principal(OrgId.of("globex"), TokenId.random());
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final List<OrgId> askedOrgs = new ArrayList<>();
    private final List<Object> askedQueries = new ArrayList<>();

    private final IssueSource issues = new IssueSource() {
        @Override
        public Page<Issue> list(OrgId org, IssueQuery query) {
            record(org, query);
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Optional<IssueDetail> find(OrgId org, IssueId id) {
            record(org, id);
            return Optional.empty();
        }

        @Override
        public IssueSummary summarize(OrgId org, IssueSummaryQuery query) {
            record(org, query);
            return new IssueSummary(query.window(), query.groupBy(), List.of(), IssueFigures.NONE, IssueFigures.NONE, 0);
        }
    };
    private final SignalSource signals = new SignalSource() {
        @Override
        public Page<Signal> list(OrgId org, SignalQuery query) {
            record(org, query);
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Optional<Signal> find(OrgId org, SignalId id) {
            record(org, id);
            return Optional.empty();
        }
    };
    private final InsightSource insights = new InsightSource() {
        @Override
        public Page<Insight> list(OrgId org, InsightQuery query) {
            record(org, query);
            return new Page<>(List.of(), Optional.of(Cursor.of("page-" + askedQueries.size())));
        }

        @Override
        public Optional<Insight> find(OrgId org, InsightId id) {
            record(org, id);
            return Optional.empty();
        }

        @Override
        public InsightSummary summarize(OrgId org, Window window) {
            record(org, window);
            return new InsightSummary(window, Map.of(), Map.of());
        }
    };

    private void record(OrgId org, Object query) {
        askedOrgs.add(org);
        askedQueries.add(query);
    }

    @Test
    void everyQueryRunsInThePrincipalsOrg() {
        new ListIssuesService(issues).list(GLOBEX, Queries.issues());
        new GetIssueService(issues).get(GLOBEX, new IssueId(UUID.randomUUID()));
        new ListSignalsService(signals).list(GLOBEX, Queries.signals());
        new GetSignalService(signals).get(GLOBEX, new SignalId(UUID.randomUUID()));
        new ListInsightsService(insights, () -> NOW).list(GLOBEX, Queries.insights());
        new GetInsightService(insights).get(GLOBEX, new InsightId(UUID.randomUUID()));
        new SummarizeIssuesService(issues, () -> NOW).summarize(GLOBEX, null, null, TimeRange.ALL);
        new SummarizeInsightsService(insights, () -> NOW).summarize(GLOBEX, TimeRange.ALL);

        assertEquals(Collections.nCopies(8, GLOBEX.org()), askedOrgs);
    }

    @Test
    void anIssueSummaryDefaultsToUnresolvedIssuesBySeverityOverTheLastSevenDays() {
        IssueSummary summary = new SummarizeIssuesService(issues, () -> NOW).summarize(GLOBEX, null, null, TimeRange.ALL);

        Window lastWeek = new Window(Instant.parse("2026-11-17T12:00:00Z"), NOW);
        assertEquals(new IssueSummaryQuery(IssueGrouping.SEVERITY, IssueStatusFilter.UNRESOLVED, lastWeek),
                askedQueries.getFirst());
        assertEquals(lastWeek, summary.window());
    }

    @Test
    void anOpenEndOfASummaryWindowIsFilledFromTheOther() {
        Instant until = Instant.parse("2026-11-10T00:00:00Z");
        new SummarizeIssuesService(issues, () -> NOW).summarize(GLOBEX, IssueGrouping.SERVICE, IssueStatusFilter.ALL,
                new TimeRange(null, until));
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        new SummarizeInsightsService(insights, () -> NOW).summarize(GLOBEX, new TimeRange(since, null));

        assertEquals(new IssueSummaryQuery(IssueGrouping.SERVICE, IssueStatusFilter.ALL,
                new Window(until.minus(IssueSummaryQuery.DEFAULT_SPAN), until)), askedQueries.get(0));
        assertEquals(new Window(since, NOW), askedQueries.get(1));
    }

    @Test
    void aSummaryWindowThatStartsAfterNowIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new SummarizeInsightsService(
                insights, () -> NOW).summarize(GLOBEX, new TimeRange(NOW.plusSeconds(60), null)));
        assertEquals("since", e.field());
    }

    @Test
    void insightsDefaultToTheLastSevenDaysAndSayWhichWindowWasUsed() {
        InsightListing listing = new ListInsightsService(insights, () -> NOW).list(GLOBEX, Queries.insights());

        TimeRange lastWeek = new TimeRange(Instant.parse("2026-11-17T12:00:00Z"), NOW);
        assertEquals(lastWeek, listing.created());
        assertEquals(lastWeek, ((InsightQuery) askedQueries.getFirst()).created());
    }

    @Test
    void anOpenEndOfTheInsightWindowIsFilledFromTheOther() {
        Instant until = Instant.parse("2026-11-10T00:00:00Z");
        InsightListing listing = new ListInsightsService(insights, () -> NOW)
                .list(GLOBEX, new InsightQuery(new TimeRange(null, until), null, null, null));
        assertEquals(new TimeRange(until.minus(InsightQuery.DEFAULT_SPAN), until), listing.created());

        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        listing = new ListInsightsService(insights, () -> NOW).list(GLOBEX, new InsightQuery(new TimeRange(since, null), null, null, null));
        assertEquals(new TimeRange(since, NOW), listing.created());
    }

    @Test
    void laterPagesKeepTheWindowOfTheFirstEvenAsTimePasses() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        ListInsightsService service = new ListInsightsService(insights, now::get);

        InsightListing first = service.list(GLOBEX, Queries.insights());
        now.set(NOW.plusSeconds(90));
        InsightListing second = service.list(GLOBEX, new InsightQuery(null, null, null,
                PageRequest.of(Limit.DEFAULT, first.page().next().orElseThrow())));

        assertEquals(first.created(), second.created());
        InsightQuery asked = (InsightQuery) askedQueries.get(1);
        assertEquals(first.created(), asked.created());
        assertEquals(Optional.of(Cursor.of("page-1")), asked.page().cursor(), "the source gets back its own cursor");
    }

    @Test
    void aCursorCannotBeCombinedWithAnotherWindow() {
        ListInsightsService service = new ListInsightsService(insights, () -> NOW);
        Cursor next = service.list(GLOBEX, Queries.insights()).page().next().orElseThrow();

        TimeRange other = new TimeRange(NOW.minusSeconds(3600), NOW);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> service.list(GLOBEX,
                new InsightQuery(other, null, null, PageRequest.of(Limit.DEFAULT, next))));
        assertEquals("cursor", e.field());
        for (String forged : List.of("abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", next.value().substring(1))) {
            assertEquals("cursor", assertThrows(InvalidValueException.class, () -> service.list(GLOBEX,
                    new InsightQuery(null, null, null, PageRequest.of(Limit.DEFAULT, Cursor.of(forged))))).field(), forged);
        }
    }
}
