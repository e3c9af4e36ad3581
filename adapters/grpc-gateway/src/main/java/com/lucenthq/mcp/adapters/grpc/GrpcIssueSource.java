package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc.IssueServiceBlockingStub;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.SummarizeIssuesResponse;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;

/** {@link IssueSource} over lucent.data.v1.IssueService. */
public final class GrpcIssueSource implements IssueSource {

    private final IssueServiceBlockingStub stub;
    private final Duration deadline;
    private final GrpcErrors errors;

    /**
     * @param channel  shared with the other sources and shut down by whoever created it
     * @param deadline how long each call may take
     */
    public GrpcIssueSource(Channel channel, Duration deadline) {
        this.stub = IssueServiceGrpc.newBlockingStub(channel);
        this.errors = new GrpcErrors("issue service", deadline);
        this.deadline = deadline;
    }

    @Override
    public Page<Issue> list(OrgId org, IssueQuery query) {
        ListIssuesRequest request = IssueMapper.request(org, query);
        ListIssuesResponse response = errors.list(!request.getPageToken().isEmpty(),
                () -> stub.withDeadlineAfter(deadline).listIssues(request));
        return errors.read(() -> IssueMapper.page(response));
    }

    @Override
    public Optional<IssueDetail> find(OrgId org, IssueId id) {
        Optional<GetIssueResponse> response = errors.find(
                () -> stub.withDeadlineAfter(deadline).getIssue(IssueMapper.request(org, id)));
        return response.map(found -> errors.read(() -> IssueMapper.detail(found)));
    }

    @Override
    public IssueSummary summarize(OrgId org, IssueSummaryQuery query) {
        SummarizeIssuesResponse response = errors.aggregate(
                () -> stub.withDeadlineAfter(deadline).summarizeIssues(IssueMapper.request(org, query)));
        return errors.read(() -> IssueMapper.summary(query, response));
    }
}
