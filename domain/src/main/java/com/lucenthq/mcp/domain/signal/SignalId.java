package com.lucenthq.mcp.domain.signal;

import com.lucenthq.mcp.domain.Ids;
import java.util.Objects;
import java.util.UUID;

public record SignalId(UUID value) {

    public SignalId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the argument named {@code field}, e.g. {@code signal_id}. */
    public static SignalId parse(String field, String text) {
        return new SignalId(Ids.parseUuid(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
