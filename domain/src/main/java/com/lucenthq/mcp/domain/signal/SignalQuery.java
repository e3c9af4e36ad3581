package com.lucenthq.mcp.domain.signal;

import com.lucenthq.mcp.domain.page.PageRequest;
import java.util.Optional;

/**
 * Which signals to list. Null components take the defaults that answer "which signals are matching
 * most?": enabled and disabled, most matches over the last 7 days first, 25 per page.
 */
public record SignalQuery(Optional<Boolean> enabled, SignalSort sort, MatchWindow window, PageRequest page) {

    public SignalQuery {
        enabled = enabled == null ? Optional.empty() : enabled;
        sort = sort == null ? SignalSort.MATCHES : sort;
        window = window == null ? MatchWindow.LAST_7D : window;
        page = page == null ? PageRequest.first() : page;
    }

    /** This query for another page. */
    public SignalQuery withPage(PageRequest other) {
        return new SignalQuery(enabled, sort, window, other);
    }
}
