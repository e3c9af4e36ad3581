package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A problem detected in an organization's data: grouped occurrences with a status and a severity. */
public record Issue(IssueId id, String title, String description, IssueStatus status, Severity severity,
                    String service, Instant firstSeen, Instant lastSeen, long occurrences, long affectedUsers,
                    List<SignalId> signalIds) {

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        signalIds = List.copyOf(signalIds);
    }
}
