package com.lucenthq.mcp.adapters.mcp.protocol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one tool of the fixed catalogue: calls by outcome, latency, backend errors. Registered once per tool
 * up front, so that recording costs no registry lookup; the labels are the tool's name and the outcome, never a
 * token, token id or org.
 */
final class ToolMeters {

    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(30);

    private final Map<ToolOutcome, Counter> calls = new EnumMap<>(ToolOutcome.class);
    private final Timer duration;
    private final Counter backendErrors;

    ToolMeters(MeterRegistry registry, String tool) {
        for (ToolOutcome outcome : ToolOutcome.values()) {
            calls.put(outcome, Counter.builder("lucent.mcp.tool.calls")
                    .description("MCP tool calls, by tool and outcome")
                    .tags("tool", tool, "outcome", outcome.label())
                    .register(registry));
        }
        duration = Timer.builder("lucent.mcp.tool.call.duration")
                .description("Time to answer an MCP tool call, backend included")
                .tag("tool", tool)
                .publishPercentileHistogram()
                .minimumExpectedValue(FASTEST)
                .maximumExpectedValue(SLOWEST)
                .register(registry);
        backendErrors = Counter.builder("lucent.mcp.backend.errors")
                .description("MCP tool calls whose data backend was unavailable or failed")
                .tag("tool", tool)
                .register(registry);
    }

    void record(ToolOutcome outcome, long nanos) {
        calls.get(outcome).increment();
        duration.record(nanos, TimeUnit.NANOSECONDS);
        if (outcome == ToolOutcome.BACKEND_UNAVAILABLE) {
            backendErrors.increment();
        }
    }
}
