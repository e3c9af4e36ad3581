package com.lucenthq.mcp.domain.detail;

import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import java.time.Instant;
import java.util.Objects;

/** An insight written about an issue, in brief. */
public record RelatedInsight(InsightId id, String title, InsightKind kind, Instant createdAt) {

    public RelatedInsight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
