package com.lucenthq.mcp.domain.issue;

import java.util.EnumSet;
import java.util.Set;

/** Which issues a listing includes by status; {@code ALL} includes every status. */
public enum IssueStatusFilter {
    UNRESOLVED(EnumSet.of(IssueStatus.UNRESOLVED)),
    RESOLVED(EnumSet.of(IssueStatus.RESOLVED)),
    IGNORED(EnumSet.of(IssueStatus.IGNORED)),
    ALL(EnumSet.allOf(IssueStatus.class));

    private final Set<IssueStatus> statuses;

    IssueStatusFilter(Set<IssueStatus> statuses) {
        this.statuses = Set.copyOf(statuses);
    }

    public Set<IssueStatus> statuses() {
        return statuses;
    }
}
