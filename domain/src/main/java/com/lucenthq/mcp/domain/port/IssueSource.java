package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.detail.IssueDetail;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSummary;
import com.lucenthq.mcp.domain.issue.IssueSummaryQuery;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import java.util.Optional;

/**
 * Where an organization's issues come from. Read-only; every method is scoped by the org it is given.
 *
 * @throws DataSourceUnavailableException from any method when the source cannot answer in time
 */
public interface IssueSource {

    /** @throws com.lucenthq.mcp.domain.InvalidValueException when the query's cursor was not issued for this listing */
    Page<Issue> list(OrgId org, IssueQuery query);

    /** Empty when {@code org} has no issue with that id, whether or not another org has one. */
    Optional<IssueDetail> find(OrgId org, IssueId id);

    /**
     * The org's issues of the query's status last seen in its window, grouped, beside the previous
     * window of equal length.
     *
     * @throws com.lucenthq.mcp.domain.DataSourceUnsupportedException when the source cannot aggregate
     */
    IssueSummary summarize(OrgId org, IssueSummaryQuery query);
}
