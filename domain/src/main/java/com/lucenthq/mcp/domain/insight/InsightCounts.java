package com.lucenthq.mcp.domain.insight;

/** How many insights a window holds, and how many the previous window of equal length held. */
public record InsightCounts(long current, long previous) {

    public static final InsightCounts NONE = new InsightCounts(0, 0);

    public InsightCounts {
        if (current < 0 || previous < 0) {
            throw new IllegalArgumentException("insight counts cannot be negative: " + current + ", " + previous);
        }
    }

    public InsightCounts plus(InsightCounts other) {
        return new InsightCounts(current + other.current, previous + other.previous);
    }
}
