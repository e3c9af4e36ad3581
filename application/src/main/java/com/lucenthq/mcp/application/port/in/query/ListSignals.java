package com.lucenthq.mcp.application.port.in.query;

import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.token.Principal;

/** Lists signals with their match counts. Scoped to the principal's org; the org is never taken from anywhere else. */
public interface ListSignals {

    Page<Signal> list(Principal principal, SignalQuery query);
}
