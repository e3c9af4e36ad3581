package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenId;

/**
 * Told when writing a token's "last used" failed, e.g. on a read-only database (a failover standby, disk-full
 * mode). The request it belongs to is still answered from the read; the write is tried again later.
 */
@FunctionalInterface
public interface UsageWriteFailures {

    void failed(TokenId token, TokenStoreUnavailableException failure);
}
