package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.TimeRange;
import java.util.Objects;

/** A page of insights and the time range it covers once defaults were applied, so an answer can say "since … until …". */
public record InsightListing(Page<Insight> page, TimeRange created) {

    public InsightListing {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(created, "created");
    }
}
