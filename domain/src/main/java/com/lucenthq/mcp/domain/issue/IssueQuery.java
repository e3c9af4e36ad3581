package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.util.Optional;

/**
 * Which issues to list. Null components take the defaults that answer "what are my most critical
 * unresolved issues?" in one call: unresolved, every severity, most severe first, 25 per page.
 *
 * @param text     case-insensitive words to find in title, description or service
 * @param lastSeen bounds on when the issue was last seen
 */
public record IssueQuery(IssueStatusFilter status, Optional<Severity> minSeverity, Optional<SignalId> signalId,
                         Optional<String> text, TimeRange lastSeen, IssueSort sort, PageRequest page) {

    public static final int MAX_TEXT_LENGTH = 200;

    public IssueQuery {
        status = status == null ? IssueStatusFilter.UNRESOLVED : status;
        minSeverity = minSeverity == null ? Optional.empty() : minSeverity;
        signalId = signalId == null ? Optional.empty() : signalId;
        text = text == null ? Optional.empty() : text.map(String::strip).filter(t -> !t.isEmpty());
        text.ifPresent(t -> {
            if (t.length() > MAX_TEXT_LENGTH) {
                throw new InvalidValueException("query", "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
        });
        lastSeen = lastSeen == null ? TimeRange.ALL : lastSeen;
        sort = sort == null ? IssueSort.SEVERITY : sort;
        page = page == null ? PageRequest.first() : page;
    }

    /** This query for another page: the next one, or a smaller one (the result budget asks for those). */
    public IssueQuery withPage(PageRequest other) {
        return new IssueQuery(status, minSeverity, signalId, text, lastSeen, sort, other);
    }
}
