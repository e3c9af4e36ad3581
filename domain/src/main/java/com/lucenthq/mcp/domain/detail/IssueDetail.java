package com.lucenthq.mcp.domain.detail;

import com.lucenthq.mcp.domain.issue.DailyCount;
import com.lucenthq.mcp.domain.issue.Issue;
import java.util.List;
import java.util.Objects;

/** An issue with its recent timeline and the signals and insights related to it. */
public record IssueDetail(Issue issue, List<DailyCount> timeline, List<RelatedSignal> relatedSignals,
                          List<RelatedInsight> relatedInsights) {

    public IssueDetail {
        Objects.requireNonNull(issue, "issue");
        timeline = List.copyOf(timeline);
        relatedSignals = List.copyOf(relatedSignals);
        relatedInsights = List.copyOf(relatedInsights);
    }
}
