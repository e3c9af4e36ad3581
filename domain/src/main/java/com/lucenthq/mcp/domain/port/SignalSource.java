package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import java.util.Optional;

/**
 * Where an organization's signals come from. Read-only; every method is scoped by the org it is given.
 *
 * @throws DataSourceUnavailableException from any method when the source cannot answer in time
 */
public interface SignalSource {

    /** @throws com.lucenthq.mcp.domain.InvalidValueException when the query's cursor was not issued for this listing */
    Page<Signal> list(OrgId org, SignalQuery query);

    /** Empty when {@code org} has no signal with that id, whether or not another org has one. */
    Optional<Signal> find(OrgId org, SignalId id);
}
