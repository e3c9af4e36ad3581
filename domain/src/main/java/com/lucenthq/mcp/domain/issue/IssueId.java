package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.Ids;
import java.util.Objects;
import java.util.UUID;

public record IssueId(UUID value) {

    public IssueId {
        Objects.requireNonNull(value, "value");
    }

    public static IssueId parse(String text) {
        return new IssueId(Ids.parseUuid("id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
