package com.lucenthq.mcp.domain.insight;

import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.page.Window;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The insights created in a window, counted by kind and by severity beside the previous window of
 * equal length. Both maps hold every constant, in declaration order, zero where there was none.
 */
public record InsightSummary(Window window, Map<InsightKind, InsightCounts> byKind,
                             Map<Severity, InsightCounts> bySeverity) {

    /** The window of a summary that names no {@code since}. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    public InsightSummary {
        Objects.requireNonNull(window, "window");
        byKind = complete(byKind, InsightKind.class);
        bySeverity = complete(bySeverity, Severity.class);
        if (!total(byKind).equals(total(bySeverity))) {
            throw new IllegalArgumentException("insights by kind " + byKind + " and by severity " + bySeverity
                    + " do not add up to the same totals");
        }
    }

    /** Every insight of the window and of the previous one, each counted once. */
    public InsightCounts total() {
        return total(byKind);
    }

    private static <K extends Enum<K>> Map<K, InsightCounts> complete(Map<K, InsightCounts> counts, Class<K> type) {
        EnumMap<K, InsightCounts> all = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            all.put(key, counts.getOrDefault(key, InsightCounts.NONE));
        }
        return Collections.unmodifiableMap(all);
    }

    private static InsightCounts total(Map<?, InsightCounts> counts) {
        return counts.values().stream().reduce(InsightCounts.NONE, InsightCounts::plus);
    }
}
