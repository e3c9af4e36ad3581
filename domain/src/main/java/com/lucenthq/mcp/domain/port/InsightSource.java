package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.Window;
import java.util.Optional;

/**
 * Where an organization's insights come from. Read-only; every method is scoped by the org it is given.
 *
 * @throws DataSourceUnavailableException from any method when the source cannot answer in time
 */
public interface InsightSource {

    /** Newest first. @throws com.lucenthq.mcp.domain.InvalidValueException when the query's cursor was not issued for this listing */
    Page<Insight> list(OrgId org, InsightQuery query);

    /** Empty when {@code org} has no insight with that id, whether or not another org has one. */
    Optional<Insight> find(OrgId org, InsightId id);

    /**
     * The org's insights created in {@code window} and in the previous window of equal length, by kind and by severity.
     *
     * @throws com.lucenthq.mcp.domain.DataSourceUnsupportedException when the source cannot aggregate
     */
    InsightSummary summarize(OrgId org, Window window);
}
