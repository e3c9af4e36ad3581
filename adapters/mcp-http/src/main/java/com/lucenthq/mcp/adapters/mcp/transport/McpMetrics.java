package com.lucenthq.mcp.adapters.mcp.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of the MCP endpoint's HTTP side: requests, authentication, rate limits (the tools' are
 * {@code protocol.ToolMeters}). Every label has a bounded set of values (never a token, token id or org), and
 * meters are registered up front or cached, so that recording costs no registry lookup on the request path.
 */
final class McpMetrics {

    /** Why a request was not authenticated; the {@code reason} label. */
    enum AuthFailure {
        MISSING, MALFORMED, UNKNOWN, REVOKED, EXPIRED, STORE_UNAVAILABLE, RATE_LIMITED
    }

    /** Which rate limit refused a request; the {@code limit} label. */
    enum Limit {
        TOKEN, ADDRESS, FAILED_AUTH
    }

    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(30);
    private static final Duration AUTHENTICATION_WINDOW = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    /** POST, GET and DELETE get their own label; any other method is {@code other}, so clients cannot add labels. */
    private final Map<String, RequestMeters> requests;
    private final RequestMeters otherRequests;
    private final Map<AuthFailure, Counter> authFailures = new EnumMap<>(AuthFailure.class);
    private final Map<Limit, Counter> rateLimited = new EnumMap<>(Limit.class);
    private final Timer authentication;

    McpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Map.of("POST", new RequestMeters("POST"), "GET", new RequestMeters("GET"),
                "DELETE", new RequestMeters("DELETE"));
        this.otherRequests = new RequestMeters("other");
        for (AuthFailure reason : AuthFailure.values()) {
            authFailures.put(reason, Counter.builder("lucent.mcp.auth.failures")
                    .description("Requests to the MCP endpoint that were not authenticated, by reason")
                    .tag("reason", label(reason))
                    .register(registry));
        }
        // Quantiles computed in the process over the last 30 s or so, so that a benchmark can read the median of
        // one run in µs.
        authentication = Timer.builder("lucent.mcp.authentication")
                .description("Time to check a presented bearer token: digest and token store lookup")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(AUTHENTICATION_WINDOW)
                .register(registry);
        for (Limit limit : Limit.values()) {
            rateLimited.put(limit, Counter.builder("lucent.mcp.rate.limited")
                    .description("Requests to the MCP endpoint refused with 429, by the limit that refused them")
                    .tag("limit", label(limit))
                    .register(registry));
        }
    }

    void request(String httpMethod, int status, long nanos) {
        RequestMeters meters = requests.getOrDefault(httpMethod, otherRequests);
        // The count by status first: once the duration's count includes a request, so does its status counter, which
        // may be registered only now (a scrape that waits for the count then sees both).
        meters.count(status).increment();
        meters.duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void authentication(long nanos) {
        authentication.record(nanos, TimeUnit.NANOSECONDS);
    }

    void authFailure(AuthFailure reason) {
        authFailures.get(reason).increment();
    }

    void rateLimited(Limit limit) {
        rateLimited.get(limit).increment();
    }

    /** Per HTTP method: the latency histogram and request counters by status, created on first use of a status. */
    private final class RequestMeters {

        private final String method;
        private final Timer duration;
        private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

        RequestMeters(String method) {
            this.method = method;
            this.duration = Timer.builder("lucent.mcp.request.duration")
                    .description("Time to answer a request to the MCP endpoint, rate-limited and refused ones included")
                    .tag("method", method)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(FASTEST)
                    .maximumExpectedValue(SLOWEST)
                    .register(registry);
        }

        Counter count(int status) {
            // Statuses outside HTTP's 1xx-5xx (none expected) share one slot rather than overrun the array.
            int slot = status >= 100 && status < 600 ? status : 599;
            Counter counter = byStatus.get(slot);
            if (counter == null) {
                // Registration is idempotent, so two threads racing here end up with the same counter.
                counter = Counter.builder("lucent.mcp.http.requests")
                        .description("Requests to the MCP endpoint, by HTTP method and status")
                        .tags("method", method, "status", Integer.toString(slot))
                        .register(registry);
                byStatus.set(slot, counter);
            }
            return counter;
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
