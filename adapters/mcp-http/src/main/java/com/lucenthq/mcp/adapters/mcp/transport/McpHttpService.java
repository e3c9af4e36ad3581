package com.lucenthq.mcp.adapters.mcp.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.adapters.mcp.protocol.BatchCost;
import com.lucenthq.mcp.adapters.mcp.protocol.McpProtocol;
import com.lucenthq.mcp.adapters.mcp.protocol.McpTracing;
import com.lucenthq.mcp.adapters.mcp.protocol.RequestRevision;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.domain.token.Principal;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The MCP streamable HTTP endpoint at {@value McpHttpConfig#MCP_PATH} (stateless: no sessions, any replica answers
 * any request): admission, then the body handed to the {@link McpProtocol} and its reply written back. Also routes
 * the RFC 9728 {@link ResourceMetadata} and the {@link LegacySse} paths.
 */
public final class McpHttpService implements HttpService {

    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName MCP_METHOD = HeaderNames.create("Mcp-Method");
    static final HeaderName MCP_NAME = HeaderNames.create("Mcp-Name");

    private final McpProtocol protocol;
    private final McpMetrics metrics;
    private final BearerAdmission admission;
    private final TracedRequests tracedRequests;
    private final ResourceMetadata resourceMetadata;
    private final LegacySse legacySse;

    /** Records metrics in {@code meters}: pass the registry that the operations endpoint scrapes. */
    public McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters) {
        this(useCases, config, serverVersion, meters, McpTracing.OFF);
    }

    /** Also traces each request, its authentication and its tool calls with {@code tracing}. */
    public McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters,
                          McpTracing tracing) {
        this(useCases, config, serverVersion, meters, Ticker.SYSTEM, tracing);
    }

    /** With the rate limiters' time source, so that tests can refill buckets without sleeping. */
    McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters, Ticker ticker) {
        this(useCases, config, serverVersion, meters, ticker, McpTracing.OFF);
    }

    McpHttpService(McpUseCases useCases, McpHttpConfig config, String serverVersion, MeterRegistry meters, Ticker ticker,
                   McpTracing tracing) {
        this.metrics = new McpMetrics(meters);
        this.protocol = new McpProtocol(useCases, config.maxResultBytes(), serverVersion, meters, tracing);
        this.tracedRequests = new TracedRequests(tracing);
        this.admission = new BearerAdmission(useCases.authenticate(), config, metrics, ticker, tracing);
        this.resourceMetadata = new ResourceMetadata(config);
        this.legacySse = new LegacySse(config);
    }

    @Override
    public void routing(HttpRules rules) {
        // HEAD first: an answer to HEAD must carry no body, or a reused connection reads it as the next response.
        rules.head(McpHttpConfig.MCP_PATH, (request, response) ->
                        Responses.withoutBody(response, Status.METHOD_NOT_ALLOWED_405, "POST"))
                .post(McpHttpConfig.MCP_PATH, measured(tracedRequests.traced(admission.admitted(this::post))))
                .any(McpHttpConfig.MCP_PATH, measured(tracedRequests.traced(admission.admitted(this::otherMethod))));
        resourceMetadata.routing(rules);
        legacySse.routing(rules);
    }

    private void post(ServerRequest request, ServerResponse response, Principal principal) {
        Optional<ResponseFormat> format = ResponseFormat.accepted(request.headers().all(HeaderNames.ACCEPT, List::of));
        if (format.isEmpty()) {
            Responses.plain(response, Status.NOT_ACCEPTABLE_406, "The MCP endpoint answers with application/json or "
                    + "text/event-stream; send Accept: application/json, text/event-stream.");
            return;
        }
        Optional<String> twice = MirroredHeaderCopies.conflicting(request.headers(), PROTOCOL_VERSION, MCP_METHOD, MCP_NAME);
        if (twice.isPresent()) {
            Responses.sendJson(response, Status.BAD_REQUEST_400, protocol.invalidRequest(twice.get()).utf8());
            return;
        }
        Optional<String> version = request.headers().first(PROTOCOL_VERSION);
        if (!request.content().hasEntity()) {
            parseError(response, "Parse error: the body is empty");
            return;
        }
        JsonNode message;
        try {
            message = protocol.read(request.content().inputStream());
        } catch (JsonProcessingException e) {
            parseError(response, "Parse error: the body is not valid JSON");
            return;
        } catch (IOException e) {
            parseError(response, "Parse error: the body could not be read");
            return;
        } catch (RequestException e) {
            throw e; // Helidon's own answer, e.g. 413 for a body over the limit
        } catch (RuntimeException e) {
            // Helidon's chunked-body reader fails this way on broken framing (a chunk size that is not hex, a chunk
            // cut short); the framing of the rest of the connection is then unknown, so it is closed after this answer.
            response.header(HeaderNames.CONNECTION, "close");
            parseError(response, "Parse error: the chunked body is malformed");
            return;
        }
        RequestRevision.MirroredHeaders mirrored = new RequestRevision.MirroredHeaders(version,
                request.headers().first(MCP_METHOD), request.headers().first(MCP_NAME));
        if (admission.overTokenLimit(principal, BatchCost.permitsBeyondTheRequest(message), response)) {
            return;
        }
        Responses.send(response, protocol.answer(principal, message, mirrored), format.get());
    }

    private void parseError(ServerResponse response, String message) {
        Responses.sendJson(response, Status.BAD_REQUEST_400, protocol.parseError(message).utf8());
    }

    private void otherMethod(ServerRequest request, ServerResponse response, Principal principal) {
        // Stateless: no server-initiated stream to GET and no session to DELETE.
        response.header(HeaderNames.ALLOW, "POST");
        Responses.plain(response, Status.METHOD_NOT_ALLOWED_405,
                "This MCP endpoint is stateless: send JSON-RPC messages with POST. It offers no SSE stream and no sessions.");
    }

    /** Counts and times every request to the MCP endpoint, whatever answered it. */
    private Handler measured(Handler handler) {
        return (request, response) -> {
            long started = System.nanoTime();
            int status = Status.INTERNAL_SERVER_ERROR_500.code();
            try {
                handler.handle(request, response);
                status = response.status().code();
            } catch (RequestException e) {
                // e.g. 413 for a body found too large while being read; Helidon answers with this status
                status = e.status().code();
                throw e;
            } finally {
                metrics.request(request.prologue().method().text(), status, System.nanoTime() - started);
            }
        };
    }
}
