package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightCounts;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueFigures;
import com.lucenthq.mcp.domain.issue.IssueGroup;
import com.lucenthq.mcp.domain.issue.IssueGroupKey;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.issue.TopIssue;
import com.lucenthq.mcp.domain.page.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The summaries over one org's bundled data, with the same groups, orders and top issues as the sample backend. */
final class MemorySummaries {

    /** Most severe first, then most occurrences, then most recently seen. */
    private static final Comparator<Issue> TOP_FIRST = Comparator.comparing(Issue::severity).reversed()
            .thenComparing(Comparator.comparingLong(Issue::occurrences).reversed())
            .thenComparing(Comparator.comparing(Issue::lastSeen).reversed())
            .thenComparing(issue -> issue.id().toString());

    private MemorySummaries() {
    }

    static IssueSummary issues(BundledDataset.OrgData data, IssueSummaryQuery query) {
        Window window = query.window();
        Window previousWindow = window.previous();
        List<Issue> ofStatus = data.issues().stream()
                .filter(issue -> query.status().statuses().contains(issue.status())).toList();
        List<Issue> current = ofStatus.stream().filter(issue -> window.contains(issue.lastSeen())).toList();
        List<Issue> previous = ofStatus.stream().filter(issue -> previousWindow.contains(issue.lastSeen())).toList();
        Map<IssueGroupKey, List<Issue>> currentGroups = grouped(data, current, query.groupBy());
        Map<IssueGroupKey, List<Issue>> previousGroups = grouped(data, previous, query.groupBy());
        Set<IssueGroupKey> keys = new LinkedHashSet<>(currentGroups.keySet());
        keys.addAll(previousGroups.keySet());
        List<IssueGroup> groups = keys.stream()
                .map(key -> {
                    List<Issue> members = currentGroups.getOrDefault(key, List.of());
                    return new IssueGroup(key, IssueFigures.of(members),
                            IssueFigures.of(previousGroups.getOrDefault(key, List.of())),
                            members.stream().sorted(TOP_FIRST).limit(IssueSummaryQuery.TOP_ISSUES).map(TopIssue::of)
                                    .toList());
                })
                .sorted(order(query.groupBy()))
                .toList();
        int shown = Math.min(IssueSummaryQuery.MAX_GROUPS, groups.size());
        return new IssueSummary(window, query.groupBy(), groups.subList(0, shown), IssueFigures.of(current),
                IssueFigures.of(previous), groups.size() - shown);
    }

    static InsightSummary insights(BundledDataset.OrgData data, Window window) {
        Window previousWindow = window.previous();
        Map<InsightKind, InsightCounts> byKind = new EnumMap<>(InsightKind.class);
        Map<Severity, InsightCounts> bySeverity = new EnumMap<>(Severity.class);
        for (Insight insight : data.insights()) {
            InsightCounts counts = new InsightCounts(window.contains(insight.createdAt()) ? 1 : 0,
                    previousWindow.contains(insight.createdAt()) ? 1 : 0);
            byKind.merge(insight.kind(), counts, InsightCounts::plus);
            bySeverity.merge(insight.severity(), counts, InsightCounts::plus);
        }
        return new InsightSummary(window, byKind, bySeverity);
    }

    private static Map<IssueGroupKey, List<Issue>> grouped(BundledDataset.OrgData data, List<Issue> issues,
                                                           IssueGrouping grouping) {
        Map<IssueGroupKey, List<Issue>> groups = new LinkedHashMap<>();
        for (Issue issue : issues) {
            keys(data, issue, grouping).forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(issue));
        }
        return groups;
    }

    /** The groups an issue counts in: one, or for signals one per known signal that matched it. */
    private static Stream<IssueGroupKey> keys(BundledDataset.OrgData data, Issue issue, IssueGrouping grouping) {
        return switch (grouping) {
            case SEVERITY -> Stream.of(new IssueGroupKey.BySeverity(issue.severity()));
            case STATUS -> Stream.of(new IssueGroupKey.ByStatus(issue.status()));
            case SERVICE -> Stream.of(new IssueGroupKey.ByService(issue.service()));
            case SIGNAL -> issue.signalIds().stream()
                    .flatMap(id -> data.signals().stream().filter(signal -> signal.id().equals(id)))
                    .map(signal -> new IssueGroupKey.BySignal(signal.id(), signal.name()));
        };
    }

    private static Comparator<IssueGroup> order(IssueGrouping grouping) {
        Comparator<IssueGroup> mostIssuesFirst = Comparator
                .comparingLong((IssueGroup group) -> group.current().issues()).reversed()
                .thenComparing(Comparator.comparingLong((IssueGroup group) -> group.previous().issues()).reversed());
        return switch (grouping) {
            case SEVERITY -> Comparator.comparing(
                    (IssueGroup group) -> ((IssueGroupKey.BySeverity) group.key()).severity()).reversed();
            case STATUS -> Comparator.comparing((IssueGroup group) -> ((IssueGroupKey.ByStatus) group.key()).status());
            case SERVICE -> mostIssuesFirst.thenComparing(group -> ((IssueGroupKey.ByService) group.key()).service());
            case SIGNAL -> mostIssuesFirst.thenComparing(
                    group -> ((IssueGroupKey.BySignal) group.key()).signal().toString());
        };
    }
}
