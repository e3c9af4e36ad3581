package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import java.util.Optional;
import com.lucenthq.mcp.domain.token.Principal;

/** Fetches one insight; empty when the org has no such insight. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface GetInsight {

    Optional<Insight> get(Principal principal, InsightId id);
}
