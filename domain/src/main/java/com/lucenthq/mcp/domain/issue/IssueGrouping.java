package com.lucenthq.mcp.domain.issue;

/** What a summary of issues groups them by. */
public enum IssueGrouping {
    /** One group per severity, most severe first. */
    SEVERITY,
    /** One group per status. */
    STATUS,
    /** One group per service, most issues first. */
    SERVICE,
    /**
     * One group per signal, most issues first. An issue counts in the group of each signal that
     * matched it and in none when no signal did, so the groups may add up to more or less than the total.
     */
    SIGNAL
}
