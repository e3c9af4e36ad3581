package com.lucenthq.mcp.domain.page;

import java.util.List;
import java.util.Optional;

/** One page of a list, and the cursor of the next one when there is more. */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }
}
