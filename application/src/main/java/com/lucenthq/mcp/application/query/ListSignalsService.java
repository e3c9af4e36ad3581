package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.ListSignals;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;

public final class ListSignalsService implements ListSignals {

    private final SignalSource signals;

    public ListSignalsService(SignalSource signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    @Override
    public Page<Signal> list(Principal principal, SignalQuery query) {
        return signals.list(principal.org(), query);
    }
}
