package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.proto.data.v1.GetInsightResponse;
import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc.InsightServiceBlockingStub;
import com.lucenthq.mcp.proto.data.v1.ListInsightsRequest;
import com.lucenthq.mcp.proto.data.v1.ListInsightsResponse;
import com.lucenthq.mcp.proto.data.v1.SummarizeInsightsResponse;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;

/** {@link InsightSource} over lucent.data.v1.InsightService. */
public final class GrpcInsightSource implements InsightSource {

    private final InsightServiceBlockingStub stub;
    private final Duration deadline;
    private final GrpcErrors errors;

    /**
     * @param channel  shared with the other sources and shut down by whoever created it
     * @param deadline how long each call may take
     */
    public GrpcInsightSource(Channel channel, Duration deadline) {
        this.stub = InsightServiceGrpc.newBlockingStub(channel);
        this.errors = new GrpcErrors("insight service", deadline);
        this.deadline = deadline;
    }

    @Override
    public Page<Insight> list(OrgId org, InsightQuery query) {
        ListInsightsRequest request = InsightMapper.request(org, query);
        ListInsightsResponse response = errors.list(!request.getPageToken().isEmpty(),
                () -> stub.withDeadlineAfter(deadline).listInsights(request));
        return errors.read(() -> InsightMapper.page(response));
    }

    @Override
    public Optional<Insight> find(OrgId org, InsightId id) {
        Optional<GetInsightResponse> response = errors.find(
                () -> stub.withDeadlineAfter(deadline).getInsight(InsightMapper.request(org, id)));
        return response.map(found -> errors.read(() -> InsightMapper.insight(found.getInsight())));
    }

    @Override
    public InsightSummary summarize(OrgId org, Window window) {
        SummarizeInsightsResponse response = errors.aggregate(
                () -> stub.withDeadlineAfter(deadline).summarizeInsights(InsightMapper.request(org, window)));
        return errors.read(() -> InsightMapper.summary(window, response));
    }
}
