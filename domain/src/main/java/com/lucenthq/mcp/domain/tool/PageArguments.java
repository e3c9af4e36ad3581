package com.lucenthq.mcp.domain.tool;

import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import java.util.List;

/** The arguments every list tool shares: a page's size, where it starts, and which fields of its items to return. */
public final class PageArguments {

    public static final ToolArgument<Limit> LIMIT = ToolArgument.integer("limit",
            "Maximum number of items to return (" + Limit.MIN + "-" + Limit.MAX + ").", Limit.MIN, Limit.MAX,
            Limit.DEFAULT.value(), Limit::of);
    public static final ToolArgument<Cursor> CURSOR = ToolArgument.text("cursor",
            "Opaque cursor from a previous call's next_cursor, to fetch the next page with the same arguments.",
            Cursor::of);

    private PageArguments() {
    }

    /** The {@code fields} of a list tool whose items have the fields {@code names}. */
    static ToolArgument<List<String>> fields(List<String> names) {
        return ToolArgument.strings("fields", "Item fields to return; id is always included. Default: all.", names);
    }
}
