package com.lucenthq.mcp.domain.issue;

public enum IssueStatus {
    UNRESOLVED, RESOLVED, IGNORED
}
