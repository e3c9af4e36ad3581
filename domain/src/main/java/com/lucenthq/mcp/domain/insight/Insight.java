package com.lucenthq.mcp.domain.insight;

import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding the analysis pipeline wrote about an organization's data.
 *
 * @param signalId the signal it is about, or null
 */
public record Insight(InsightId id, InsightKind kind, String title, String summary, Severity severity,
                      SignalId signalId, List<IssueId> issueIds, Instant createdAt) {

    public Insight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(createdAt, "createdAt");
        issueIds = List.copyOf(issueIds);
    }

    public Optional<SignalId> signal() {
        return Optional.ofNullable(signalId);
    }
}
