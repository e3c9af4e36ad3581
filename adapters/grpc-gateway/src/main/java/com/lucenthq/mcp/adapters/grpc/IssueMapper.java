package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueFigures;
import com.lucenthq.mcp.domain.issue.IssueGroup;
import com.lucenthq.mcp.domain.issue.IssueGroupKey;
import com.lucenthq.mcp.domain.issue.IssueGrouping;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.detail.RelatedInsight;
import com.lucenthq.mcp.domain.detail.RelatedSignal;
import com.lucenthq.mcp.domain.issue.TopIssue;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.InsightRef;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.SignalRef;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesResponse;
import java.time.LocalDate;

/** Issues between lucent.data.v1 and the domain. */
final class IssueMapper {

    private IssueMapper() {
    }

    static ListIssuesRequest request(OrgId org, IssueQuery query) {
        ListIssuesRequest.Builder request = ListIssuesRequest.newBuilder()
                .setOrgId(org.value())
                .setSort(sort(query.sort()))
                .setPageSize(query.page().limit().value())
                .setPageToken(CommonMapper.pageToken(query.page()));
        // The proto's "no statuses" already means every status. The others go in a fixed order, so
        // that repeating a query repeats the request byte for byte, page token checks included.
        if (query.status() != IssueStatusFilter.ALL) {
            query.status().statuses().stream().sorted().map(IssueMapper::status).forEach(request::addStatuses);
        }
        query.minSeverity().ifPresent(severity -> request.setMinSeverity(CommonMapper.severity(severity)));
        query.signalId().ifPresent(signal -> request.setSignalId(signal.toString()));
        query.text().ifPresent(request::setText);
        if (!query.lastSeen().equals(TimeRange.ALL)) {
            request.setLastSeen(CommonMapper.timeRange(query.lastSeen()));
        }
        return request.build();
    }

    static SummarizeIssuesRequest request(OrgId org, IssueSummaryQuery query) {
        SummarizeIssuesRequest.Builder request = SummarizeIssuesRequest.newBuilder()
                .setOrgId(org.value())
                .setGroupBy(grouping(query.groupBy()))
                .setLastSeen(CommonMapper.timeRange(query.window().range()))
                .setMaxGroups(IssueSummaryQuery.MAX_GROUPS);
        if (query.status() != IssueStatusFilter.ALL) {
            query.status().statuses().stream().sorted().map(IssueMapper::status).forEach(request::addStatuses);
        }
        return request.build();
    }

    static IssueSummary summary(IssueSummaryQuery query, SummarizeIssuesResponse response) {
        return new IssueSummary(query.window(), query.groupBy(),
                response.getGroupsList().stream().map(IssueMapper::group).toList(),
                figures(response.getTotal()), figures(response.getPreviousTotal()), response.getOmittedGroups());
    }

    static GetIssueRequest request(OrgId org, IssueId id) {
        return GetIssueRequest.newBuilder().setOrgId(org.value()).setId(id.toString()).build();
    }

    static Page<Issue> page(ListIssuesResponse response) {
        return CommonMapper.page(response.getIssuesList().stream().map(IssueMapper::issue).toList(),
                response.getNextPageToken());
    }

    static IssueDetail detail(GetIssueResponse response) {
        return new IssueDetail(
                issue(response.getIssue()),
                response.getTimelineList().stream()
                        .map(day -> new DailyCount(LocalDate.parse(day.getDate()), day.getOccurrences()))
                        .toList(),
                response.getRelatedSignalsList().stream().map(IssueMapper::relatedSignal).toList(),
                response.getRelatedInsightsList().stream().map(IssueMapper::relatedInsight).toList());
    }

    static Issue issue(com.lucenthq.mcp.proto.data.v1.Issue issue) {
        return new Issue(
                IssueId.parse(issue.getId()),
                issue.getTitle(),
                issue.getDescription(),
                status(issue.getStatus()),
                CommonMapper.severity(issue.getSeverity()),
                issue.getService(),
                CommonMapper.instant(issue.getFirstSeen()),
                CommonMapper.instant(issue.getLastSeen()),
                issue.getOccurrences(),
                issue.getAffectedUsers(),
                issue.getSignalIdsList().stream().map(id -> SignalId.parse("signal_id", id)).toList());
    }

    private static IssueGroup group(com.lucenthq.mcp.proto.data.v1.IssueGroup group) {
        IssueGroupKey key = switch (group.getKeyCase()) {
            case SEVERITY -> new IssueGroupKey.BySeverity(CommonMapper.severity(group.getSeverity()));
            case STATUS -> new IssueGroupKey.ByStatus(status(group.getStatus()));
            case SERVICE -> new IssueGroupKey.ByService(group.getService());
            case SIGNAL -> new IssueGroupKey.BySignal(SignalId.parse("signal_id", group.getSignal().getId()),
                    group.getSignal().getName());
            case KEY_NOT_SET -> throw new IllegalArgumentException("an issue group without a key");
        };
        return new IssueGroup(key, figures(group.getCurrent()), figures(group.getPrevious()),
                group.getTopIssuesList().stream()
                        .map(top -> new TopIssue(IssueId.parse(top.getId()), top.getTitle()))
                        .toList());
    }

    private static IssueFigures figures(com.lucenthq.mcp.proto.data.v1.IssueFigures figures) {
        return new IssueFigures(figures.getIssues(), figures.getOccurrences(), figures.getAffectedUsers());
    }

    private static com.lucenthq.mcp.proto.data.v1.IssueGrouping grouping(IssueGrouping grouping) {
        return switch (grouping) {
            case SEVERITY -> com.lucenthq.mcp.proto.data.v1.IssueGrouping.ISSUE_GROUPING_SEVERITY;
            case STATUS -> com.lucenthq.mcp.proto.data.v1.IssueGrouping.ISSUE_GROUPING_STATUS;
            case SERVICE -> com.lucenthq.mcp.proto.data.v1.IssueGrouping.ISSUE_GROUPING_SERVICE;
            case SIGNAL -> com.lucenthq.mcp.proto.data.v1.IssueGrouping.ISSUE_GROUPING_SIGNAL;
        };
    }

    private static RelatedSignal relatedSignal(SignalRef signal) {
        return new RelatedSignal(SignalId.parse("signal_id", signal.getId()), signal.getName());
    }

    private static RelatedInsight relatedInsight(InsightRef insight) {
        return new RelatedInsight(InsightId.parse(insight.getId()), insight.getTitle(),
                WireNames.parse("kind", insight.getKind(), InsightKind.class),
                CommonMapper.instant(insight.getCreatedAt()));
    }

    private static com.lucenthq.mcp.proto.data.v1.IssueStatus status(IssueStatus status) {
        return switch (status) {
            case UNRESOLVED -> com.lucenthq.mcp.proto.data.v1.IssueStatus.ISSUE_STATUS_UNRESOLVED;
            case RESOLVED -> com.lucenthq.mcp.proto.data.v1.IssueStatus.ISSUE_STATUS_RESOLVED;
            case IGNORED -> com.lucenthq.mcp.proto.data.v1.IssueStatus.ISSUE_STATUS_IGNORED;
        };
    }

    private static IssueStatus status(com.lucenthq.mcp.proto.data.v1.IssueStatus status) {
        return switch (status) {
            case ISSUE_STATUS_UNRESOLVED -> IssueStatus.UNRESOLVED;
            case ISSUE_STATUS_RESOLVED -> IssueStatus.RESOLVED;
            case ISSUE_STATUS_IGNORED -> IssueStatus.IGNORED;
            case ISSUE_STATUS_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("issue status " + status);
        };
    }

    private static com.lucenthq.mcp.proto.data.v1.IssueSort sort(IssueSort sort) {
        return switch (sort) {
            case SEVERITY -> com.lucenthq.mcp.proto.data.v1.IssueSort.ISSUE_SORT_SEVERITY;
            case LAST_SEEN -> com.lucenthq.mcp.proto.data.v1.IssueSort.ISSUE_SORT_LAST_SEEN;
            case FIRST_SEEN -> com.lucenthq.mcp.proto.data.v1.IssueSort.ISSUE_SORT_FIRST_SEEN;
            case OCCURRENCES -> com.lucenthq.mcp.proto.data.v1.IssueSort.ISSUE_SORT_OCCURRENCES;
        };
    }
}
