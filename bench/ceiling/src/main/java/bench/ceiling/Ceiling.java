package bench.ceiling;

import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc.IssueServiceBlockingStub;
import com.lucenthq.mcp.proto.data.v1.IssueSort;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The ceilings of the benchmark: Helidon SE's WebServer answering {@code POST /api/mcp} with fixed bytes, the very
 * bytes Lucent MCP answered to the same request, as {@code application/json}. It reads (drains) the request body, as
 * any handler must.
 *
 * <ul>
 *   <li><b>C0</b> does nothing else: no authentication, no JSON parsing, no MCP, no gRPC.</li>
 *   <li><b>C1</b> ({@code --backend}) first makes the gRPC call that Lucent MCP makes for {@code list_issues} with
 *       default arguments — the same request message, a blocking stub with a 2 s deadline, a channel built as the
 *       Java SDK peer builds it — and checks that it answered issues. What C1 costs beyond C0 is the data call every
 *       server of this benchmark but C0 must make; what Lucent MCP costs beyond C1 is its own work.</li>
 * </ul>
 *
 * <p>The listener is configured as Lucent MCP's ({@code LucentServer}): same host, TCP_NODELAY on, same maximum
 * payload size.
 *
 * <p>{@code java -jar ceiling.jar --port N --body FILE [--backend HOST:PORT --org ORG]}; port 0 picks a free one;
 * prints {@code Ceiling listening on 127.0.0.1:PORT}.
 */
public final class Ceiling {

    private static final long MAX_REQUEST_BYTES = 1_048_576; // Lucent MCP's default --max-request-bytes
    private static final long DEADLINE_MILLIS = 2_000; // Lucent MCP's default --data-deadline
    private static final String USAGE = "usage: Ceiling --port N --body FILE [--backend HOST:PORT --org ORG]";

    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path body = null;
        String backend = null;
        String org = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--body" -> body = Path.of(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--org" -> org = args[++i];
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (body == null || (backend == null) != (org == null)) {
            System.err.println(USAGE + " (--body is required; --backend and --org go together)");
            System.exit(2);
        }
        byte[] answer = Files.readAllBytes(body);
        IssueServiceBlockingStub issues = backend == null ? null
                : IssueServiceGrpc.newBlockingStub(Grpc.newChannelBuilder(backend, InsecureChannelCredentials.create()).build());
        // What Lucent MCP sends for list_issues {}: unresolved issues, by severity, 25 to a page.
        ListIssuesRequest listIssues = ListIssuesRequest.newBuilder()
                .setOrgId(org == null ? "" : org)
                .addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED)
                .setSort(IssueSort.ISSUE_SORT_SEVERITY)
                .setPageSize(25)
                .build();
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .maxPayloadSize(MAX_REQUEST_BYTES)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing.post("/api/mcp", (request, response) -> {
                    request.content().as(byte[].class); // drain the body
                    if (issues != null && issues.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                            .listIssues(listIssues).getIssuesCount() == 0) {
                        response.status(Status.INTERNAL_SERVER_ERROR_500).send("the backend answered no issues");
                        return;
                    }
                    response.header(HeaderValues.CONTENT_TYPE_JSON);
                    response.send(answer);
                }))
                .build()
                .start();
        System.out.println("Ceiling listening on 127.0.0.1:" + server.port());
        System.out.flush();
    }
}
