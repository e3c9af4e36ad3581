package com.lucenthq.mcp.domain.insight;

/** What an insight found. */
public enum InsightKind {
    /** Something departed from its usual level. */
    ANOMALY,
    /** A sustained rise or fall. */
    TREND,
    /** Something got worse after a change. */
    REGRESSION,
    /** Two things moved together. */
    CORRELATION,
    /** A periodic summary. */
    DIGEST
}
