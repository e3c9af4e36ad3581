package com.lucenthq.mcp.domain.signal;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.time.Duration;

/** The span over which a signal's matches are counted. */
public enum MatchWindow {
    LAST_24H("24h", Duration.ofHours(24)),
    LAST_7D("7d", Duration.ofDays(7)),
    LAST_30D("30d", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    MatchWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public static MatchWindow parse(String field, String text) {
        Text.required(field, text);
        for (MatchWindow window : values()) {
            if (window.label.equals(text)) {
                return window;
            }
        }
        throw new InvalidValueException(field, "must be one of 24h, 7d, 30d, not '" + text + "'");
    }
}
