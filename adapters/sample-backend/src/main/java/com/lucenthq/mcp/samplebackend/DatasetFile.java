package com.lucenthq.mcp.samplebackend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shape of {@code dataset.json}. Times are ages in minutes before the moment the backend
 * starts, so that "the last 7 days" has data whenever it runs.
 */
record DatasetFile(List<OrgEntry> orgs) {

    /** @param name the org's display name */
    record OrgEntry(String id, String name, List<IssueEntry> issues, List<SignalEntry> signals, List<InsightEntry> insights) {
    }

    record IssueEntry(String id, String title, String description, String status, String severity, String service,
                      long firstSeenMinutesAgo, long lastSeenMinutesAgo, long occurrences, long affectedUsers,
                      List<String> signalIds) {
    }

    /** @param lastMatchedMinutesAgo null when the signal never matched */
    record SignalEntry(String id, String name, String description, String query, boolean enabled,
                       long createdMinutesAgo,
                       // snake_case naming would not put an underscore before the digits
                       @JsonProperty("match_count_24h") long matchCount24h,
                       @JsonProperty("match_count_7d") long matchCount7d,
                       @JsonProperty("match_count_30d") long matchCount30d,
                       Long lastMatchedMinutesAgo) {
    }

    /** @param signalId null when the insight is not about one signal */
    record InsightEntry(String id, String kind, String title, String summary, String severity, String signalId,
                        List<String> issueIds, long createdMinutesAgo) {
    }
}
