package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import java.util.Optional;
import com.lucenthq.mcp.domain.token.Principal;

/** Fetches one signal; empty when the org has no such signal. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface GetSignal {

    Optional<Signal> get(Principal principal, SignalId id);
}
