package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.token.Principal;

/** Lists insights, newest first, by default those of the last seven days. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface ListInsights {

    InsightListing list(Principal principal, InsightQuery query);
}
