package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.application.port.in.query.GetSignal;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Objects;
import java.util.Optional;

public final class GetSignalService implements GetSignal {

    private final SignalSource signals;

    public GetSignalService(SignalSource signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    @Override
    public Optional<Signal> get(Principal principal, SignalId id) {
        return signals.find(principal.org(), id);
    }
}
