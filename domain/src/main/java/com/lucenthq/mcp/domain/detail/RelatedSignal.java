package com.lucenthq.mcp.domain.detail;

import com.lucenthq.mcp.domain.signal.SignalId;
import java.util.Objects;

/** A signal that matched an issue, by id and name. */
public record RelatedSignal(SignalId id, String name) {

    public RelatedSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
