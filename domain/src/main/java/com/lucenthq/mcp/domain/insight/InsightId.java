package com.lucenthq.mcp.domain.insight;

import com.lucenthq.mcp.domain.Ids;
import java.util.Objects;
import java.util.UUID;

public record InsightId(UUID value) {

    public InsightId {
        Objects.requireNonNull(value, "value");
    }

    public static InsightId parse(String text) {
        return new InsightId(Ids.parseUuid("id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
