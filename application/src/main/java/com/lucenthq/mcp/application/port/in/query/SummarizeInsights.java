package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.token.Principal;

/**
 * Counts insights by kind and by severity over a window on their creation, beside the previous window
 * of equal length. Scoped to the principal's org; the org is never taken from anywhere else.
 */
public interface SummarizeInsights {

    /** @param created open ends default to now and to seven days before {@code until} */
    InsightSummary summarize(Principal principal, TimeRange created);
}
