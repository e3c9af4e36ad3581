package com.lucenthq.mcp.domain.tool;

import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalSort;
import java.util.Arrays;
import java.util.List;

/** The arguments of {@code list_signals} and {@code get_signal}. */
public final class SignalArguments {

    public static final ToolArgument<Boolean> ENABLED = ToolArgument.flag("enabled",
            "Only enabled (true) or only disabled (false) signals; both when absent.");
    public static final ToolArgument<SignalSort> SORT = ToolArgument.choice("sort", "Order of the results.",
            SignalSort.class, SignalSort.MATCHES);
    public static final ToolArgument<MatchWindow> WINDOW = ToolArgument.choice("window",
            "Time window for match_count and for sorting by matches.",
            Arrays.stream(MatchWindow.values()).map(MatchWindow::label).toList(), MatchWindow.LAST_7D.label(),
            text -> MatchWindow.parse("window", text));

    /** The fields of an item of list_signals, which {@link #FIELDS} chooses from. */
    public static final List<String> FIELD_NAMES = List.of("id", "name", "description", "query", "enabled",
            "created_at", "match_count", "last_matched_at");
    public static final ToolArgument<List<String>> FIELDS = PageArguments.fields(FIELD_NAMES);

    public static final ToolArgument<SignalId> ID = ToolArgument.uuid("id", "The signal's id, a UUID from list_signals.",
            text -> SignalId.parse("id", text)).required();

    private SignalArguments() {
    }
}
