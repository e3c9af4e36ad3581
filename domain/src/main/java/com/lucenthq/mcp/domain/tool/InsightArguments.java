package com.lucenthq.mcp.domain.tool;

import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightKind;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.time.Instant;
import java.util.List;

/** The arguments of {@code list_insights} and {@code get_insight}. */
public final class InsightArguments {

    public static final ToolArgument<Instant> SINCE = ToolArgument.dateTime("since",
            "Only insights created at or after this ISO-8601 time; default 7 days before until.");
    public static final ToolArgument<Instant> UNTIL = ToolArgument.dateTime("until",
            "Only insights created before this ISO-8601 time; default now.");
    public static final ToolArgument<InsightKind> KIND = ToolArgument.choice("kind", "Only insights of this kind.",
            InsightKind.class, null);
    public static final ToolArgument<SignalId> SIGNAL_ID = ToolArgument.uuid("signal_id",
            "Only insights about this signal (a UUID from list_signals).", text -> SignalId.parse("signal_id", text));

    /** The fields of an item of list_insights, which {@link #FIELDS} chooses from. */
    public static final List<String> FIELD_NAMES = List.of("id", "kind", "title", "summary", "severity",
            "signal_id", "issue_ids", "created_at");
    public static final ToolArgument<List<String>> FIELDS = PageArguments.fields(FIELD_NAMES);

    public static final ToolArgument<InsightId> ID = ToolArgument.uuid("id", "The insight's id, a UUID from list_insights.",
            InsightId::parse).required();

    private InsightArguments() {
    }
}
