package com.lucenthq.mcp.domain.issue;

/** How bad an issue or insight is; declared from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean isAtLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
