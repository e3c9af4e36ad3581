package bench.javasdk;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.GetIssueRequest;
import com.lucenthq.mcp.proto.data.v1.GetIssueResponse;
import com.lucenthq.mcp.proto.data.v1.Issue;
import com.lucenthq.mcp.proto.data.v1.IssueServiceGrpc;
import com.lucenthq.mcp.proto.data.v1.IssueSort;
import com.lucenthq.mcp.proto.data.v1.IssueStatus;
import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.ListIssuesResponse;
import com.lucenthq.mcp.proto.data.v1.Severity;
import com.lucenthq.mcp.proto.data.v1.TimeRange;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Benchmark peer 2: what a team would build on the official MCP Java SDK instead of Lucent MCP.
 *
 * <p>The SDK's stateless servlet transport ({@link HttpServletStatelessServerTransport}) in embedded Jetty 12, a
 * {@link McpStatelessSyncServer} with the two tools {@code list_issues} and {@code get_issue} declared with the
 * same input and output schemas as Lucent MCP (read from {@code bench/peers/tools.json}), each answered by one
 * gRPC call to the same sample backend through the generated {@code lucent.data.v1} stubs, rendered in the same
 * JSON shape. No authentication: every call reads the organization given on the command line.
 *
 * <p>{@code java -jar java-sdk-peer.jar --port N --backend HOST:PORT --tools tools.json [--org acme]
 * [--no-output-schema]}; port 0 picks a free one; prints {@code Java SDK peer listening on 127.0.0.1:PORT}.
 */
public final class JavaSdkPeer {

    private static final String ENDPOINT = "/api/mcp";
    private static final long DEADLINE_MS = 2_000;

    private final IssueServiceGrpc.IssueServiceBlockingStub issues;
    private final String org;
    private final McpJsonMapper json;

    private JavaSdkPeer(IssueServiceGrpc.IssueServiceBlockingStub issues, String org, McpJsonMapper json) {
        this.issues = issues;
        this.org = org;
        this.json = json;
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        String backend = null;
        Path toolsFile = null;
        String org = "acme";
        boolean outputSchema = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--tools" -> toolsFile = Path.of(args[++i]);
                case "--org" -> org = args[++i];
                case "--no-output-schema" -> outputSchema = false;
                default -> {
                    System.err.println("usage: JavaSdkPeer --port N --backend HOST:PORT --tools FILE [--org ORG] [--no-output-schema]");
                    System.exit(2);
                }
            }
        }
        if (backend == null || toolsFile == null) {
            System.err.println("--backend and --tools are required");
            System.exit(2);
        }

        McpJsonMapper json = McpJsonDefaults.getMapper();
        ManagedChannel channel = Grpc.newChannelBuilder(backend, InsecureChannelCredentials.create()).build();
        JavaSdkPeer peer = new JavaSdkPeer(IssueServiceGrpc.newBlockingStub(channel), org, json);

        List<Map<String, Object>> definitions = json.readValue(Files.readString(toolsFile),
                new TypeRef<List<Map<String, Object>>>() { });
        List<SyncToolSpecification> tools = new ArrayList<>();
        for (Map<String, Object> definition : definitions) {
            String name = (String) definition.get("name");
            tools.add(SyncToolSpecification.builder()
                    .tool(tool(definition, outputSchema))
                    .callHandler((context, request) -> switch (name) {
                        case "list_issues" -> peer.listIssues(request);
                        case "get_issue" -> peer.getIssue(request);
                        default -> throw new IllegalStateException("no handler for " + name);
                    })
                    .build());
        }

        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(ENDPOINT)
                .build();
        McpStatelessSyncServer mcp = McpServer.sync(transport)
                .serverInfo("bench-java-sdk-peer", "0.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                // The servlet transport blocks a container thread per request anyway: run the handlers on it
                // rather than hopping to Reactor's boundedElastic pool (the SDK's advice for blocking transports).
                .immediateExecution(true)
                .tools(tools)
                .build();

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(transport), ENDPOINT);
        server.setHandler(context);
        server.start();
        System.out.println("Java SDK peer listening on 127.0.0.1:" + connector.getLocalPort());
        System.out.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
                mcp.close();
                channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
        }, "peer-shutdown"));
        server.join();
    }

    @SuppressWarnings("unchecked")
    private static McpSchema.Tool tool(Map<String, Object> definition, boolean withOutputSchema) {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                .name((String) definition.get("name"))
                .title((String) definition.get("title"))
                .description((String) definition.get("description"))
                .inputSchema((Map<String, Object>) definition.get("inputSchema"))
                .annotations(new McpSchema.ToolAnnotations((String) definition.get("title"), true, false, true, false,
                        null));
        if (withOutputSchema) {
            tool.outputSchema((Map<String, Object>) definition.get("outputSchema"));
        }
        return tool.build();
    }

    // --- list_issues -------------------------------------------------------------------------------------------

    private CallToolResult listIssues(CallToolRequest request) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        ListIssuesRequest.Builder proto = ListIssuesRequest.newBuilder().setOrgId(org);
        String status = text(args, "status", "unresolved");
        switch (status) {
            case "unresolved" -> proto.addStatuses(IssueStatus.ISSUE_STATUS_UNRESOLVED);
            case "resolved" -> proto.addStatuses(IssueStatus.ISSUE_STATUS_RESOLVED);
            case "ignored" -> proto.addStatuses(IssueStatus.ISSUE_STATUS_IGNORED);
            case "all" -> { }
            default -> throw invalid("status", "must be one of unresolved, resolved, ignored, all");
        }
        String severity = text(args, "severity", null);
        if (severity != null) {
            proto.setMinSeverity(severity(severity));
        }
        String signal = text(args, "signal_id", null);
        if (signal != null) {
            proto.setSignalId(uuid("signal_id", signal));
        }
        String query = text(args, "query", null);
        if (query != null) {
            proto.setText(query);
        }
        Instant since = instant(args, "since");
        Instant until = instant(args, "until");
        if (since != null || until != null) {
            TimeRange.Builder range = TimeRange.newBuilder();
            if (since != null) {
                range.setStart(timestamp(since));
            }
            if (until != null) {
                range.setEnd(timestamp(until));
            }
            proto.setLastSeen(range);
        }
        proto.setSort(switch (text(args, "sort", "severity")) {
            case "severity" -> IssueSort.ISSUE_SORT_SEVERITY;
            case "last_seen" -> IssueSort.ISSUE_SORT_LAST_SEEN;
            case "first_seen" -> IssueSort.ISSUE_SORT_FIRST_SEEN;
            case "occurrences" -> IssueSort.ISSUE_SORT_OCCURRENCES;
            default -> throw invalid("sort", "must be one of severity, last_seen, first_seen, occurrences");
        });
        Object limit = args.get("limit");
        proto.setPageSize(limit instanceof Number number ? number.intValue() : 25);
        String cursor = text(args, "cursor", null);
        if (cursor != null) {
            proto.setPageToken(cursor);
        }

        ListIssuesResponse response;
        try {
            response = issues.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).listIssues(proto.build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT && cursor != null) {
                throw invalid("cursor", "not a cursor issued for these arguments");
            }
            return failure("The issue service is unavailable right now; try again in a few seconds.");
        }
        List<Map<String, Object>> items = new ArrayList<>(response.getIssuesCount());
        for (Issue issue : response.getIssuesList()) {
            items.add(issue(issue));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("issues", items);
        structured.put("next_cursor", response.getNextPageToken().isEmpty() ? null : response.getNextPageToken());
        structured.put("truncated", false);
        return success(structured);
    }

    // --- get_issue ---------------------------------------------------------------------------------------------

    private CallToolResult getIssue(CallToolRequest request) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        String id = uuid("id", text(args, "id", null));
        GetIssueResponse response;
        try {
            response = issues.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .getIssue(GetIssueRequest.newBuilder().setOrgId(org).setId(id).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return failure("No issue with id " + id + " exists in this organization. Use list_issues to find valid ids.");
            }
            return failure("The issue service is unavailable right now; try again in a few seconds.");
        }
        Map<String, Object> detail = issue(response.getIssue());
        detail.put("description", response.getIssue().getDescription());
        detail.put("timeline", list(response.getTimelineList(), day -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", day.getDate());
            json.put("occurrences", day.getOccurrences());
            return json;
        }));
        detail.put("related_signals", list(response.getRelatedSignalsList(), signal -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", signal.getId());
            json.put("name", signal.getName());
            return json;
        }));
        detail.put("related_insights", list(response.getRelatedInsightsList(), insight -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", insight.getId());
            json.put("title", insight.getTitle());
            json.put("kind", insight.getKind());
            json.put("created_at", time(insight.getCreatedAt()));
            return json;
        }));
        return success(detail);
    }

    // --- rendering: the shapes of Lucent MCP's DomainJson ------------------------------------------------------

    private static Map<String, Object> issue(Issue issue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", issue.getId());
        json.put("title", issue.getTitle());
        json.put("status", switch (issue.getStatus()) {
            case ISSUE_STATUS_UNRESOLVED -> "unresolved";
            case ISSUE_STATUS_RESOLVED -> "resolved";
            case ISSUE_STATUS_IGNORED -> "ignored";
            default -> throw new IllegalArgumentException("issue status " + issue.getStatus());
        });
        json.put("severity", switch (issue.getSeverity()) {
            case SEVERITY_LOW -> "low";
            case SEVERITY_MEDIUM -> "medium";
            case SEVERITY_HIGH -> "high";
            case SEVERITY_CRITICAL -> "critical";
            default -> throw new IllegalArgumentException("severity " + issue.getSeverity());
        });
        json.put("service", issue.getService());
        json.put("first_seen", time(issue.getFirstSeen()));
        json.put("last_seen", time(issue.getLastSeen()));
        json.put("occurrences", issue.getOccurrences());
        json.put("affected_users", issue.getAffectedUsers());
        json.put("signal_ids", List.copyOf(issue.getSignalIdsList()));
        return json;
    }

    /** Structured content plus the same JSON as a text block, as Lucent MCP answers. */
    private CallToolResult success(Map<String, Object> structured) {
        String text;
        try {
            text = json.writeValueAsString(structured);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false).build();
    }

    private static CallToolResult failure(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static <T> List<Map<String, Object>> list(List<T> items, Function<T, Map<String, Object>> render) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(render.apply(item)));
        return out;
    }

    private static String time(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    // --- arguments ---------------------------------------------------------------------------------------------

    private static String text(Map<String, Object> args, String name, String fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String string)) {
            throw invalid(name, "must be a string");
        }
        return string;
    }

    private static String uuid(String name, String text) {
        try {
            return UUID.fromString(text).toString();
        } catch (RuntimeException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    private static Severity severity(String text) {
        return switch (text) {
            case "low" -> Severity.SEVERITY_LOW;
            case "medium" -> Severity.SEVERITY_MEDIUM;
            case "high" -> Severity.SEVERITY_HIGH;
            case "critical" -> Severity.SEVERITY_CRITICAL;
            default -> throw invalid("severity", "must be one of low, medium, high, critical");
        };
    }

    private static Instant instant(Map<String, Object> args, String name) {
        String text = text(args, name, null);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw invalid(name, "must be an ISO-8601 date-time");
            }
        }
    }

    private static McpError invalid(String name, String why) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("Invalid argument '" + name + "': " + why)
                .build();
    }
}
