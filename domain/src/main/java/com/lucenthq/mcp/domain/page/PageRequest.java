package com.lucenthq.mcp.domain.page;

import java.util.Optional;

/** Which page to fetch: at most {@code limit} items, starting after {@code cursor} or at the beginning. */
public record PageRequest(Limit limit, Optional<Cursor> cursor) {

    public PageRequest {
        limit = limit == null ? Limit.DEFAULT : limit;
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    public static PageRequest first() {
        return new PageRequest(Limit.DEFAULT, Optional.empty());
    }

    public static PageRequest of(Limit limit, Cursor cursor) {
        return new PageRequest(limit, Optional.ofNullable(cursor));
    }
}
