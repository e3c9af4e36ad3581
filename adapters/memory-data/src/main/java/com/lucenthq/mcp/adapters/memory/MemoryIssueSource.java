package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.detail.RelatedInsight;
import com.lucenthq.mcp.domain.detail.RelatedSignal;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.port.IssueSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/** {@link IssueSource} over the bundled dataset, with the same orders and timeline as the sample backend. */
public final class MemoryIssueSource implements IssueSource {

    /** How many days a timeline covers, today included. */
    static final int TIMELINE_DAYS = 14;
    /** Every order ends with these tie-breaks, so pages never shuffle between calls. */
    private static final Comparator<Issue> RECENTLY_SEEN_FIRST = Comparator.comparing(Issue::lastSeen).reversed()
            .thenComparing(issue -> issue.id().toString());

    private final BundledDataset dataset;

    public MemoryIssueSource(BundledDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public Page<Issue> list(OrgId org, IssueQuery query) {
        String text = query.text().map(words -> words.toLowerCase(Locale.ROOT)).orElse("");
        List<Issue> matching = dataset.org(org).issues().stream()
                .filter(issue -> query.status().statuses().contains(issue.status()))
                .filter(issue -> query.minSeverity().map(issue.severity()::isAtLeast).orElse(true))
                .filter(issue -> query.signalId().map(issue.signalIds()::contains).orElse(true))
                .filter(issue -> text.isEmpty() || mentions(issue, text))
                .filter(issue -> query.lastSeen().contains(issue.lastSeen()))
                .sorted(order(query.sort()))
                .toList();
        return MemoryPages.page(matching, query.page(), org, query.withPage(PageRequest.first()));
    }

    @Override
    public Optional<IssueDetail> find(OrgId org, IssueId id) {
        BundledDataset.OrgData data = dataset.org(org);
        return data.issues().stream().filter(issue -> issue.id().equals(id)).findFirst().map(issue -> new IssueDetail(
                issue,
                timeline(issue, dataset.asOf()),
                issue.signalIds().stream()
                        .flatMap(signalId -> data.signals().stream().filter(signal -> signal.id().equals(signalId)))
                        .map(signal -> new RelatedSignal(signal.id(), signal.name()))
                        .toList(),
                data.insights().stream()
                        .filter(insight -> insight.issueIds().contains(id))
                        .sorted(MemoryInsightSource.NEWEST_FIRST)
                        .map(MemoryIssueSource::related)
                        .toList()));
    }

    @Override
    public IssueSummary summarize(OrgId org, IssueSummaryQuery query) {
        return MemorySummaries.issues(dataset.org(org), query);
    }

    private static Comparator<Issue> order(IssueSort sort) {
        return switch (sort) {
            case SEVERITY -> Comparator.comparing(Issue::severity).reversed().thenComparing(RECENTLY_SEEN_FIRST);
            case LAST_SEEN -> RECENTLY_SEEN_FIRST;
            case FIRST_SEEN -> Comparator.comparing(Issue::firstSeen).reversed().thenComparing(RECENTLY_SEEN_FIRST);
            case OCCURRENCES -> Comparator.comparingLong(Issue::occurrences).reversed().thenComparing(RECENTLY_SEEN_FIRST);
        };
    }

    private static boolean mentions(Issue issue, String lowerCaseText) {
        return issue.title().toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || issue.description().toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || issue.service().toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    private static RelatedInsight related(Insight insight) {
        return new RelatedInsight(insight.id(), insight.title(), insight.kind(), insight.createdAt());
    }

    /**
     * The issue's occurrences per day over the last {@value #TIMELINE_DAYS} days: spread over the days it was seen,
     * in proportion to the time seen in each, with a steady per-day wobble so that the curve looks like traffic.
     */
    static List<DailyCount> timeline(Issue issue, Instant asOf) {
        Instant firstSeen = issue.firstSeen();
        // An issue seen only once still needs a span to land on its day.
        Instant lastSeen = max(issue.lastSeen(), firstSeen.plusSeconds(1));
        LocalDate firstDay = LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusDays(TIMELINE_DAYS - 1);
        Instant windowStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        double[] weights = new double[TIMELINE_DAYS];
        double windowWeight = 0;
        for (int day = 0; day < TIMELINE_DAYS; day++) {
            Instant dayStart = windowStart.plus(Duration.ofDays(day));
            long overlap = overlapSeconds(dayStart, dayStart.plus(Duration.ofDays(1)), firstSeen, lastSeen);
            weights[day] = overlap * wobble(issue.id().toString(), firstDay.plusDays(day));
            windowWeight += weights[day];
        }
        double totalWeight = windowWeight + overlapSeconds(Instant.MIN, windowStart, firstSeen, lastSeen);
        long inWindow = totalWeight == 0 ? 0 : Math.round(issue.occurrences() * windowWeight / totalWeight);
        long[] counts = new long[TIMELINE_DAYS];
        long assigned = 0;
        int lastActiveDay = -1;
        for (int day = 0; day < TIMELINE_DAYS; day++) {
            if (weights[day] > 0) {
                counts[day] = (long) Math.floor(inWindow * weights[day] / windowWeight);
                assigned += counts[day];
                lastActiveDay = day;
            }
        }
        if (lastActiveDay >= 0) {
            // Rounding down loses a few occurrences; the day the issue was last seen gets them.
            counts[lastActiveDay] += inWindow - assigned;
        }
        List<DailyCount> timeline = new ArrayList<>(TIMELINE_DAYS);
        for (int day = 0; day < TIMELINE_DAYS; day++) {
            timeline.add(new DailyCount(firstDay.plusDays(day), counts[day]));
        }
        return timeline;
    }

    private static long overlapSeconds(Instant from, Instant to, Instant start, Instant end) {
        Instant overlapStart = max(from, start);
        Instant overlapEnd = to.isBefore(end) ? to : end;
        return overlapStart.isBefore(overlapEnd) ? Duration.between(overlapStart, overlapEnd).toSeconds() : 0;
    }

    private static double wobble(String issueId, LocalDate date) {
        return new SplittableRandom((issueId + date).hashCode()).nextDouble(0.5, 1.5);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
