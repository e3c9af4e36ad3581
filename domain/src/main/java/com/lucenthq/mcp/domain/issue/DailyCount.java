package com.lucenthq.mcp.domain.issue;

import java.time.LocalDate;
import java.util.Objects;

/** Occurrences of an issue on one UTC day. */
public record DailyCount(LocalDate date, long occurrences) {

    public DailyCount {
        Objects.requireNonNull(date, "date");
    }
}
