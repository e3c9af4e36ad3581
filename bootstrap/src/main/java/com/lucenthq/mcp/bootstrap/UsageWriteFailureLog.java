package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.domain.port.UsageWriteFailures;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.logging.Logger;

/** Failed "last used" writes: one warning each (they are at most one a minute) and the counter the operations endpoint shows. */
final class UsageWriteFailureLog implements UsageWriteFailures {

    static final String METRIC = "lucent.tokens.usage.write.failures";
    private static final Logger LOG = Logger.getLogger(UsageWriteFailureLog.class.getName());

    private final Counter failures;

    UsageWriteFailureLog(MeterRegistry meters) {
        this.failures = Counter.builder(METRIC)
                .description("Writes of a token's last-used time that failed (e.g. a read-only token database); "
                        + "requests were still served")
                .register(meters);
    }

    @Override
    public void failed(TokenId token, TokenStoreUnavailableException failure) {
        failures.increment();
        LOG.warning("Could not record the last use of token " + token + " (" + failure.getMessage() + "); requests are "
                + "still served, the write is tried again in " + Wiring.LAST_USED_INTERVAL.toSeconds() + " s");
    }
}
