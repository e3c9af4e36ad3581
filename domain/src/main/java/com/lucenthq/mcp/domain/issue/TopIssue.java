package com.lucenthq.mcp.domain.issue;

import java.util.Objects;

/** One of the issues a summary group names, by id and title, so that an agent can open it. */
public record TopIssue(IssueId id, String title) {

    public TopIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }

    public static TopIssue of(Issue issue) {
        return new TopIssue(issue.id(), issue.title());
    }
}
