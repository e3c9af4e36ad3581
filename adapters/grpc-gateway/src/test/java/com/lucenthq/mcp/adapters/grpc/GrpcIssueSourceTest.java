package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_ISSUE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_LATENCY_SIGNAL;
import static com.lucenthq.mcp.adapters.grpc.SampleData.CHECKOUT_REGRESSION_INSIGHT;
import static com.lucenthq.mcp.adapters.grpc.SampleData.DEADLINE;
import static com.lucenthq.mcp.adapters.grpc.SampleData.GLOBEX;
import static com.lucenthq.mcp.adapters.grpc.SampleData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.contract.IssueSourceContract;
import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueGroup;
import com.lucenthq.mcp.domain.issue.IssueGroupKey;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.detail.RelatedInsight;
import com.lucenthq.mcp.domain.detail.RelatedSignal;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.issue.TopIssue;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.IssueSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The issue contract, and the mapping of every field, against the sample backend in process. */
class GrpcIssueSourceTest extends IssueSourceContract {

    private static SampleData data;

    @BeforeAll
    static void start() {
        data = SampleData.start();
    }

    @AfterAll
    static void stop() {
        data.close();
    }

    @Override
    protected IssueSource source() {
        return new GrpcIssueSource(data.channel(), DEADLINE);
    }

    @Override
    protected OrgId orgA() {
        return ACME;
    }

    @Override
    protected OrgId orgB() {
        return GLOBEX;
    }

    @Override
    protected IssueId knownIssueOfOrgA() {
        return CHECKOUT_LATENCY_ISSUE;
    }

    @Test
    void mapsEveryFieldOfAnIssue() {
        Issue issue = source().find(ACME, CHECKOUT_LATENCY_ISSUE).orElseThrow().issue();

        assertEquals(CHECKOUT_LATENCY_ISSUE, issue.id());
        assertEquals("Checkout API p95 latency above 2s", issue.title());
        assertTrue(issue.description().contains("tax-service"), issue.description());
        assertEquals(IssueStatus.UNRESOLVED, issue.status());
        assertEquals(Severity.CRITICAL, issue.severity());
        assertEquals("checkout-api", issue.service());
        assertEquals(NOW.minusSeconds(4 * 60), issue.lastSeen());
        assertEquals(NOW.minusSeconds(3192 * 60), issue.firstSeen());
        assertEquals(18432, issue.occurrences());
        assertEquals(6210, issue.affectedUsers());
        assertTrue(issue.signalIds().contains(CHECKOUT_LATENCY_SIGNAL));
    }

    @Test
    void mapsTheTimelineAndTheRelatedSignalsAndInsights() {
        IssueDetail detail = source().find(ACME, CHECKOUT_LATENCY_ISSUE).orElseThrow();

        List<DailyCount> timeline = detail.timeline();
        assertEquals(14, timeline.size());
        assertEquals(LocalDate.ofInstant(NOW, ZoneOffset.UTC), timeline.getLast().date());
        assertTrue(timeline.getLast().occurrences() > 0);
        assertTrue(detail.relatedSignals().contains(new RelatedSignal(CHECKOUT_LATENCY_SIGNAL, "Checkout latency over 2s")));
        RelatedInsight regression = detail.relatedInsights().stream()
                .filter(insight -> insight.id().equals(CHECKOUT_REGRESSION_INSIGHT)).findFirst().orElseThrow();
        assertEquals(InsightKind.REGRESSION, regression.kind());
        assertEquals("checkout-api latency regressed after deploy v412", regression.title());
    }

    @Test
    void theDefaultListStartsWithTheMostCriticalUnresolvedIssues() {
        Issue first = source().list(ACME, Queries.issues()).items().getFirst();

        assertEquals(Severity.CRITICAL, first.severity());
        assertEquals(IssueStatus.UNRESOLVED, first.status());
        assertEquals(CHECKOUT_LATENCY_ISSUE, first.id(), "the most recently seen critical issue");
    }

    @Test
    void mapsASummaryWithItsGroupKeysFiguresAndTopIssues() {
        Window lastWeek = new Window(NOW.minus(IssueSummaryQuery.DEFAULT_SPAN), NOW);

        IssueSummary bySeverity = source().summarize(ACME, new IssueSummaryQuery(null, null, lastWeek));
        IssueGroup critical = bySeverity.groups().getFirst();
        assertEquals(new IssueGroupKey.BySeverity(Severity.CRITICAL), critical.key());
        assertEquals(lastWeek, bySeverity.window());
        assertTrue(critical.current().issues() > 0 && critical.current().occurrences() > 0);
        assertTrue(critical.topIssues().contains(new TopIssue(CHECKOUT_LATENCY_ISSUE, "Checkout API p95 latency above 2s")),
                critical.topIssues().toString());

        IssueSummary bySignal = source().summarize(ACME, new IssueSummaryQuery(IssueGrouping.SIGNAL, null, lastWeek));
        assertTrue(bySignal.groups().stream().anyMatch(group -> group.key().equals(new IssueGroupKey.BySignal(
                CHECKOUT_LATENCY_SIGNAL, "Checkout latency over 2s"))), "the signal's group, named");
    }
}
