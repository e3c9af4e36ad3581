package com.lucenthq.mcp.domain.port;

import java.time.Instant;

/** The current time, as a port so that use cases can be tested at any instant. */
public interface Clock {

    Instant now();
}
