package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.application.contract.Queries;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.DataSourceUnsupportedException;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.InsightServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.Severity;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers a real but broken issue service gives must not leak out of the source as gRPC or as blame on the caller. */
class MisbehavingBackendTest {

    private static final Issue VALID = Issue.newBuilder()
            .setId("87b3a6b6-5af5-438b-a39c-eff148a68ccb")
            .setOrgId("acme")
            .setTitle("Checkout API p95 latency above 2s")
            .setStatus(IssueStatus.ISSUE_STATUS_UNRESOLVED)
            .setSeverity(Severity.SEVERITY_CRITICAL)
            .build();

    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void anIssueOfAnUnknownStatusMakesTheSourceUnavailable() throws IOException {
        GrpcIssueSource source = serving(ListIssuesResponse.newBuilder()
                .addIssues(VALID.toBuilder().setStatusValue(42)).build(), null);

        assertUnreadable(() -> source.list(ACME, Queries.issues()));
    }

    @Test
    void aPageTokenThatCannotBeACursorMakesTheSourceUnavailable() throws IOException {
        GrpcIssueSource source = serving(ListIssuesResponse.newBuilder()
                .addIssues(VALID).setNextPageToken("offset=25&sort=severity").build(), null);

        assertUnreadable(() -> source.list(ACME, Queries.issues()));
    }

    @Test
    void aMalformedTimelineDateMakesTheSourceUnavailable() throws IOException {
        GrpcIssueSource source = serving(null, GetIssueResponse.newBuilder().setIssue(VALID)
                .addTimeline(com.lucenthq.mcp.proto.data.v1.DailyCount.newBuilder().setDate("14/05/2026")).build());

        assertUnreadable(() -> source.find(ACME, IssueId.parse(VALID.getId())));
    }

    @Test
    void aServiceThatThrowsMakesTheSourceUnavailable() throws IOException {
        GrpcIssueSource source = serving(null, null);

        DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class,
                () -> source.find(ACME, IssueId.parse(VALID.getId())));
        assertEquals("The issue service could not answer this request; try again later.", e.getMessage());
    }

    @Test
    void aServiceWithoutTheAggregationsSaysSummariesAreUnsupported() throws IOException {
        GrpcIssueSource issues = serving(ListIssuesResponse.getDefaultInstance(), null);
        Window lastWeek = new Window(Instant.parse("2026-05-07T10:30:00Z"), Instant.parse("2026-05-14T10:30:00Z"));

        DataSourceUnsupportedException e = assertThrows(DataSourceUnsupportedException.class,
                () -> issues.summarize(ACME, new IssueSummaryQuery(null, null, lastWeek)));
        assertEquals("The issue service of this deployment does not offer summaries (it does not implement the "
                + "aggregation), so retrying will not help; list the items instead and count them.", e.getMessage());

        String name = "no-summaries-" + UUID.randomUUID();
        Server insightServer = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new InsightServiceGrpc.InsightServiceImplBase() { }).build().start();
        ManagedChannel insightChannel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            GrpcInsightSource insights = new GrpcInsightSource(insightChannel, Duration.ofSeconds(5));
            assertTrue(assertThrows(DataSourceUnsupportedException.class, () -> insights.summarize(ACME, lastWeek))
                    .getMessage().startsWith("The insight service of this deployment does not offer summaries"));
        } finally {
            insightChannel.shutdownNow();
            insightServer.shutdownNow();
        }
    }

    private static void assertUnreadable(Runnable call) {
        DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class, call::run);
        assertEquals("The issue service sent an answer this server cannot read; try again later, "
                + "and tell the operator if it persists.", e.getMessage());
    }

    /** A source over an issue service that answers every call with {@code list} or {@code get}, or fails when null. */
    private GrpcIssueSource serving(ListIssuesResponse list, GetIssueResponse get) throws IOException {
        String name = "misbehaving-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new IssueServiceGrpc.IssueServiceImplBase() {
            @Override
            public void listIssues(ListIssuesRequest request, StreamObserver<ListIssuesResponse> responses) {
                answer(responses, list);
            }

            @Override
            public void getIssue(GetIssueRequest request, StreamObserver<GetIssueResponse> responses) {
                answer(responses, get);
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new GrpcIssueSource(channel, Duration.ofSeconds(5));
    }

    private static <T> void answer(StreamObserver<T> responses, T response) {
        if (response == null) {
            throw new IllegalStateException("bug in the service");
        }
        responses.onNext(response);
        responses.onCompleted();
    }
}
