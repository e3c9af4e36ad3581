package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightCounts;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.proto.data.v1.GetInsightRequest;
import com.lucenthq.mcp.proto.data.v1.ListInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.InsightKindCount;
import com.lucenthq.mcp.proto.data.v1.InsightSeverityCount;
import com.lucenthq.mcp.proto.data.v1.ListInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsResponse;
import java.util.EnumMap;
import java.util.Map;

/** Insights between lucent.data.v1 and the domain. */
final class InsightMapper {

    private InsightMapper() {
    }

    /**
     * The request for {@code query} as given: resolving an open time range to "the last 7 days" is
     * the use case's decision ({@link InsightQuery#resolvedAt}), so an open range stays open here.
     */
    static ListInsightsRequest request(OrgId org, InsightQuery query) {
        ListInsightsRequest.Builder request = ListInsightsRequest.newBuilder()
                .setOrgId(org.value())
                .setPageSize(query.page().limit().value())
                .setPageToken(CommonMapper.pageToken(query.page()));
        if (!query.created().equals(TimeRange.ALL)) {
            request.setCreated(CommonMapper.timeRange(query.created()));
        }
        query.kind().ifPresent(kind -> request.setKind(WireNames.of(kind)));
        query.signalId().ifPresent(signal -> request.setSignalId(signal.toString()));
        return request.build();
    }

    static GetInsightRequest request(OrgId org, InsightId id) {
        return GetInsightRequest.newBuilder().setOrgId(org.value()).setId(id.toString()).build();
    }

    static Page<Insight> page(ListInsightsResponse response) {
        return CommonMapper.page(response.getInsightsList().stream().map(InsightMapper::insight).toList(),
                response.getNextPageToken());
    }

    static Insight insight(com.lucenthq.mcp.proto.data.v1.Insight insight) {
        return new Insight(
                InsightId.parse(insight.getId()),
                WireNames.parse("kind", insight.getKind(), InsightKind.class),
                insight.getTitle(),
                insight.getSummary(),
                CommonMapper.severity(insight.getSeverity()),
                // proto3 sends an absent signal id as the empty string
                insight.getSignalId().isEmpty() ? null : SignalId.parse("signal_id", insight.getSignalId()),
                insight.getIssueIdsList().stream().map(IssueId::parse).toList(),
                CommonMapper.instant(insight.getCreatedAt()));
    }

    static SummarizeInsightsRequest request(OrgId org, Window window) {
        return SummarizeInsightsRequest.newBuilder()
                .setOrgId(org.value())
                .setCreated(CommonMapper.timeRange(window.range()))
                .build();
    }

    /** The summary; a kind or a severity listed twice is the service's fault, like any value the domain rejects. */
    static InsightSummary summary(Window window, SummarizeInsightsResponse response) {
        Map<InsightKind, InsightCounts> byKind = new EnumMap<>(InsightKind.class);
        for (InsightKindCount count : response.getByKindList()) {
            once(byKind, WireNames.parse("kind", count.getKind(), InsightKind.class),
                    new InsightCounts(count.getCurrent(), count.getPrevious()));
        }
        Map<Severity, InsightCounts> bySeverity = new EnumMap<>(Severity.class);
        for (InsightSeverityCount count : response.getBySeverityList()) {
            once(bySeverity, CommonMapper.severity(count.getSeverity()),
                    new InsightCounts(count.getCurrent(), count.getPrevious()));
        }
        return new InsightSummary(window, byKind, bySeverity);
    }

    private static <K> void once(Map<K, InsightCounts> counts, K key, InsightCounts value) {
        if (counts.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException(key + " is counted twice");
        }
    }
}
