package com.lucenthq.mcp.samplebackend;

import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueFigures;
import com.lucenthq.mcp.proto.data.v1.IssueGroup;
import com.lucenthq.mcp.proto.data.v1.IssueGrouping;
import com.lucenthq.mcp.proto.data.v1.IssueRef;
import com.lucenthq.mcp.proto.data.v1.SignalRef;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesResponse;
import com.lucenthq.mcp.samplebackend.Dataset.OrgData;
import com.lucenthq.mcp.samplebackend.Requests.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** SummarizeIssues over one org's issues: the grouping, the figures and the top issues of each group. */
final class IssueSummaries {

    static final int MAX_GROUPS = 50;
    private static final int TOP_ISSUES = 3;

    /** Most severe first, then most occurrences, then most recently seen. */
    private static final Comparator<Issue> TOP_FIRST = Comparator.comparingInt(Issue::getSeverityValue).reversed()
            .thenComparing(Comparator.comparingLong(Issue::getOccurrences).reversed())
            .thenComparing(Issue::getLastSeen, Times.CHRONOLOGICAL.reversed())
            .thenComparing(Issue::getId);

    private IssueSummaries() {
    }

    static int maxGroups(int requested) {
        if (requested < 0 || requested > MAX_GROUPS) {
            throw Requests.invalid("max_groups must be between 0 and " + MAX_GROUPS + " (0 means " + MAX_GROUPS
                    + "), not " + requested);
        }
        return requested == 0 ? MAX_GROUPS : requested;
    }

    /**
     * @param issues the org's issues of the requested statuses
     */
    static SummarizeIssuesResponse summarize(OrgData org, List<Issue> issues, IssueGrouping grouping, Window window,
                                             int maxGroups) {
        Window previousWindow = window.previous();
        List<Issue> current = issues.stream().filter(issue -> window.contains(issue.getLastSeen())).toList();
        List<Issue> previous = issues.stream().filter(issue -> previousWindow.contains(issue.getLastSeen())).toList();

        Function<Issue, Stream<IssueGroup.Builder>> keys = keys(org, grouping);
        Map<IssueGroup, Tally> tallies = new LinkedHashMap<>();
        current.forEach(issue -> keys.apply(issue).forEach(key ->
                tallies.computeIfAbsent(key.build(), k -> new Tally()).current.add(issue)));
        previous.forEach(issue -> keys.apply(issue).forEach(key ->
                tallies.computeIfAbsent(key.build(), k -> new Tally()).previous.add(issue)));

        List<IssueGroup> groups = tallies.entrySet().stream()
                .map(entry -> entry.getKey().toBuilder()
                        .setCurrent(figures(entry.getValue().current))
                        .setPrevious(figures(entry.getValue().previous))
                        .addAllTopIssues(entry.getValue().current.stream().sorted(TOP_FIRST).limit(TOP_ISSUES)
                                .map(issue -> IssueRef.newBuilder().setId(issue.getId()).setTitle(issue.getTitle())
                                        .build())
                                .toList())
                        .build())
                .sorted(order(grouping))
                .toList();
        return SummarizeIssuesResponse.newBuilder()
                .addAllGroups(groups.subList(0, Math.min(maxGroups, groups.size())))
                .setTotal(figures(current))
                .setPreviousTotal(figures(previous))
                .setOmittedGroups(Math.max(0, groups.size() - maxGroups))
                .build();
    }

    /** The keys of the groups an issue counts in: one, or for signals one per signal that matched it. */
    private static Function<Issue, Stream<IssueGroup.Builder>> keys(OrgData org, IssueGrouping grouping) {
        return switch (grouping) {
            case ISSUE_GROUPING_UNSPECIFIED, ISSUE_GROUPING_SEVERITY ->
                    issue -> Stream.of(IssueGroup.newBuilder().setSeverity(issue.getSeverity()));
            case ISSUE_GROUPING_STATUS -> issue -> Stream.of(IssueGroup.newBuilder().setStatus(issue.getStatus()));
            case ISSUE_GROUPING_SERVICE -> issue -> Stream.of(IssueGroup.newBuilder().setService(issue.getService()));
            case ISSUE_GROUPING_SIGNAL -> issue -> issue.getSignalIdsList().stream()
                    .flatMap(id -> org.signal(id).stream())
                    .map(signal -> IssueGroup.newBuilder()
                            .setSignal(SignalRef.newBuilder().setId(signal.getId()).setName(signal.getName())));
            case UNRECOGNIZED -> throw Requests.invalid("group_by has a value this service does not know");
        };
    }

    private static Comparator<IssueGroup> order(IssueGrouping grouping) {
        Comparator<IssueGroup> mostIssuesFirst = Comparator
                .comparingLong((IssueGroup group) -> group.getCurrent().getIssues()).reversed()
                .thenComparing(Comparator.comparingLong((IssueGroup group) -> group.getPrevious().getIssues()).reversed());
        return switch (grouping) {
            case ISSUE_GROUPING_STATUS -> Comparator.comparingInt(IssueGroup::getStatusValue);
            case ISSUE_GROUPING_SERVICE -> mostIssuesFirst.thenComparing(IssueGroup::getService);
            case ISSUE_GROUPING_SIGNAL -> mostIssuesFirst.thenComparing(group -> group.getSignal().getId());
            default -> Comparator.comparingInt(IssueGroup::getSeverityValue).reversed();
        };
    }

    private static IssueFigures figures(Collection<Issue> issues) {
        return IssueFigures.newBuilder()
                .setIssues(issues.size())
                .setOccurrences(issues.stream().mapToLong(Issue::getOccurrences).sum())
                .setAffectedUsers(issues.stream().mapToLong(Issue::getAffectedUsers).sum())
                .build();
    }

    /** The issues of one group in each window. */
    private static final class Tally {
        final List<Issue> current = new ArrayList<>();
        final List<Issue> previous = new ArrayList<>();
    }
}
