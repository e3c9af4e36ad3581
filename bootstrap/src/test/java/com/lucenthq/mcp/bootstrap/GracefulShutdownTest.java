package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.transport.McpHttpConfig;
import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenName;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server lets a request in flight finish, then refuses new connections. */
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void aToolCallInFlightCompletesWhileTheServerStops() throws Exception {
        CountDownLatch callArrived = new CountDownLatch(1);
        Server slowBackend = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new IssueServiceGrpc.IssueServiceImplBase() {
                    @Override
                    public void listIssues(ListIssuesRequest request, StreamObserver<ListIssuesResponse> responses) {
                        callArrived.countDown();
                        sleep(Duration.ofMillis(1500));
                        responses.onNext(ListIssuesResponse.getDefaultInstance());
                        responses.onCompleted();
                    }
                })
                .build().start();
        try {
            LucentServer server = LucentServer.start(new ServerSettings("127.0.0.1", 0, Optional.empty(),
                    () -> TokenDatabase.h2File(dataDir), DataSource.GRPC, DataEndpoints.allAt(Optional.of("127.0.0.1:" + slowBackend.getPort()),
                    new DataChannelSecurity.Plaintext(), Duration.ofSeconds(5)), 1 << 20, McpHttpConfig.DEFAULT_MAX_RESULT_BYTES, Set.of(), List.of(), RateLimits.DEFAULTS, "127.0.0.1", 0));
            String token = mintToken();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient client = HttpClient.newHttpClient();

            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(listIssues(base, token),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(callArrived.await(10, TimeUnit.SECONDS), "the tool call reached the backend");
            server.close();

            HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("\"isError\":false"), response.body());
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(listIssues(base, token),
                    HttpResponse.BodyHandlers.ofString()), "a stopped server accepts no new request");
        } finally {
            slowBackend.shutdownNow();
        }
    }

    private String mintToken() {
        try (TokenDatabase database = TokenDatabase.h2File(dataDir)) {
            return new CreateTokenService(database.tokenStore(), new SecureRandomSecretGenerator(), new Sha256SecretHasher(),
                    Wiring.SYSTEM_CLOCK).create(OrgId.of("acme"), TokenName.of("shutdown")).plaintext().reveal();
        }
    }

    private static HttpRequest listIssues(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"list_issues\",\"arguments\":{}}}"))
                .build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
