package com.lucenthq.mcp.domain.signal;

/** How often a signal matched in each window. */
public record MatchCounts(long last24h, long last7d, long last30d) {

    public MatchCounts {
        if (last24h < 0 || last24h > last7d || last7d > last30d) {
            throw new IllegalArgumentException("match counts must satisfy 0 <= 24h <= 7d <= 30d");
        }
    }

    public long in(MatchWindow window) {
        return switch (window) {
            case LAST_24H -> last24h;
            case LAST_7D -> last7d;
            case LAST_30D -> last30d;
        };
    }
}
