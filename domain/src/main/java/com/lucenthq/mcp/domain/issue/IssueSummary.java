package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.page.Window;
import java.util.List;
import java.util.Objects;

/**
 * Issues counted over a window beside the previous window of equal length.
 *
 * @param groups        the groups with an issue in either window, at most {@link IssueSummaryQuery#MAX_GROUPS}
 * @param total         every issue of the window, each counted once
 * @param previousTotal the same for the previous window
 * @param omittedGroups how many groups were left out beyond the maximum
 */
public record IssueSummary(Window window, IssueGrouping groupBy, List<IssueGroup> groups, IssueFigures total,
                           IssueFigures previousTotal, int omittedGroups) {

    public IssueSummary {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(previousTotal, "previousTotal");
        groups = List.copyOf(groups);
        if (groups.size() > IssueSummaryQuery.MAX_GROUPS) {
            throw new IllegalArgumentException("a summary holds at most " + IssueSummaryQuery.MAX_GROUPS
                    + " groups, not " + groups.size());
        }
        if (omittedGroups < 0) {
            throw new IllegalArgumentException("omitted groups cannot be negative: " + omittedGroups);
        }
        for (IssueGroup group : groups) {
            if (group.key().grouping() != groupBy) {
                throw new IllegalArgumentException("a summary by " + groupBy + " holds a group by "
                        + group.key().grouping());
            }
        }
    }
}
