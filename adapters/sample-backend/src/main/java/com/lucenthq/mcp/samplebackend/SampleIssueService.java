package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.Insight;
import com.lucenthq.mcp.proto.data.v1.InsightRef;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueSort;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.SignalRef;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesResponse;
import com.lucenthq.mcp.samplebackend.Dataset.OrgData;
import com.lucenthq.mcp.samplebackend.Paging.Slice;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** lucent.data.v1.IssueService over the bundled dataset. */
final class SampleIssueService extends IssueServiceGrpc.IssueServiceImplBase {

    /** Every order ends with these tie-breaks, so pages never shuffle between calls. */
    private static final Comparator<Issue> RECENTLY_SEEN_FIRST =
            Comparator.comparing(Issue::getLastSeen, Times.CHRONOLOGICAL.reversed()).thenComparing(Issue::getId);

    private final Dataset dataset;

    SampleIssueService(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void listIssues(ListIssuesRequest request, StreamObserver<ListIssuesResponse> responses) {
        Unary.answer(responses, () -> list(request));
    }

    @Override
    public void getIssue(GetIssueRequest request, StreamObserver<GetIssueResponse> responses) {
        Unary.answer(responses, () -> get(request));
    }

    @Override
    public void summarizeIssues(SummarizeIssuesRequest request, StreamObserver<SummarizeIssuesResponse> responses) {
        Unary.answer(responses, () -> summarize(request));
    }

    private SummarizeIssuesResponse summarize(SummarizeIssuesRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        Set<IssueStatus> statuses = statuses(request.getStatusesList());
        Requests.Window window = Requests.window("last_seen", request.hasLastSeen(), request.getLastSeen());
        int maxGroups = IssueSummaries.maxGroups(request.getMaxGroups());
        List<Issue> issues = org.issues().stream().filter(issue -> statuses.contains(issue.getStatus())).toList();
        return IssueSummaries.summarize(org, issues, request.getGroupBy(), window, maxGroups);
    }

    private ListIssuesResponse list(ListIssuesRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        int pageSize = Requests.pageSize(request.getPageSize());
        Set<IssueStatus> statuses = statuses(request.getStatusesList());
        Severity minSeverity = minSeverity(request.getMinSeverity());
        Optional<String> signalId = Requests.optionalId("signal_id", request.getSignalId());
        String text = request.getText().strip().toLowerCase(Locale.ROOT);
        Predicate<Timestamp> lastSeen = Requests.range("last_seen", request.hasLastSeen(), request.getLastSeen());
        Comparator<Issue> order = order(request.getSort());

        List<Issue> matching = org.issues().stream()
                .filter(issue -> statuses.contains(issue.getStatus()))
                .filter(issue -> issue.getSeverityValue() >= minSeverity.getNumber())
                .filter(issue -> signalId.map(issue.getSignalIdsList()::contains).orElse(true))
                .filter(issue -> text.isEmpty() || mentions(issue, text))
                .filter(issue -> lastSeen.test(issue.getLastSeen()))
                .sorted(order)
                .toList();
        ListIssuesRequest criteria = request.toBuilder().clearPageSize().clearPageToken()
                .clearStatuses().addAllStatuses(statuses).build();
        Slice<Issue> page = Paging.page(matching, pageSize, request.getPageToken(), criteria);
        return ListIssuesResponse.newBuilder()
                .addAllIssues(page.items())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    private GetIssueResponse get(GetIssueRequest request) {
        OrgData org = dataset.org(Requests.orgId(request.getOrgId()));
        String id = Requests.id("id", request.getId());
        Issue issue = org.issue(id).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("issue " + id + " not found").asRuntimeException());
        List<SignalRef> signals = issue.getSignalIdsList().stream()
                .flatMap(signalId -> org.signal(signalId).stream())
                .map(signal -> SignalRef.newBuilder().setId(signal.getId()).setName(signal.getName()).build())
                .toList();
        List<InsightRef> insights = org.insights().stream()
                .filter(insight -> insight.getIssueIdsList().contains(id))
                .sorted(SampleInsightService.NEWEST_FIRST)
                .map(SampleIssueService::reference)
                .toList();
        return GetIssueResponse.newBuilder()
                .setIssue(issue)
                .addAllTimeline(Timeline.of(issue, dataset.asOf()))
                .addAllRelatedSignals(signals)
                .addAllRelatedInsights(insights)
                .build();
    }

    /** The statuses to include, in enum order so that the page-token fingerprint ignores their order. */
    private static Set<IssueStatus> statuses(List<IssueStatus> requested) {
        if (requested.isEmpty()) {
            return EnumSet.of(IssueStatus.ISSUE_STATUS_UNRESOLVED, IssueStatus.ISSUE_STATUS_RESOLVED,
                    IssueStatus.ISSUE_STATUS_IGNORED);
        }
        Set<IssueStatus> statuses = EnumSet.noneOf(IssueStatus.class);
        for (IssueStatus status : requested) {
            if (status == IssueStatus.ISSUE_STATUS_UNSPECIFIED || status == IssueStatus.UNRECOGNIZED) {
                throw Requests.invalid("statuses may only hold UNRESOLVED, RESOLVED and IGNORED");
            }
            statuses.add(status);
        }
        return statuses;
    }

    private static Severity minSeverity(Severity severity) {
        if (severity == Severity.UNRECOGNIZED) {
            throw Requests.invalid("min_severity has a value this service does not know");
        }
        return severity;
    }

    private static Comparator<Issue> order(IssueSort sort) {
        return switch (sort) {
            case ISSUE_SORT_UNSPECIFIED, ISSUE_SORT_SEVERITY ->
                    Comparator.comparingInt(Issue::getSeverityValue).reversed().thenComparing(RECENTLY_SEEN_FIRST);
            case ISSUE_SORT_LAST_SEEN -> RECENTLY_SEEN_FIRST;
            case ISSUE_SORT_FIRST_SEEN -> Comparator.comparing(Issue::getFirstSeen, Times.CHRONOLOGICAL.reversed())
                    .thenComparing(RECENTLY_SEEN_FIRST);
            case ISSUE_SORT_OCCURRENCES ->
                    Comparator.comparingLong(Issue::getOccurrences).reversed().thenComparing(RECENTLY_SEEN_FIRST);
            case UNRECOGNIZED -> throw Requests.invalid("sort has a value this service does not know");
        };
    }

    private static boolean mentions(Issue issue, String lowerCaseText) {
        return issue.getTitle().toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || issue.getDescription().toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || issue.getService().toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    private static InsightRef reference(Insight insight) {
        return InsightRef.newBuilder()
                .setId(insight.getId())
                .setTitle(insight.getTitle())
                .setKind(insight.getKind())
                .setCreatedAt(insight.getCreatedAt())
                .build();
    }
}
