package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where MCP tokens are kept: their metadata and SHA-256 digest, never a plaintext.
 *
 * @throws TokenStoreUnavailableException from any method when the store cannot be reached
 */
public interface TokenStore {

    void add(McpToken token);

    /** The token whose digest this is, revoked or not; the one lookup that needs no org, since it finds the org. */
    Optional<McpToken> findByHash(TokenHash hash);

    /** The org's tokens, newest first. */
    List<McpToken> list(OrgId org);

    Optional<McpToken> find(OrgId org, TokenId id);

    /** Revokes the org's token at {@code at}; false when it has no such token or it was already revoked. */
    boolean revoke(OrgId org, TokenId id, Instant at);

    /** Records that the token authenticated a request at {@code at}; an earlier time never replaces a later one. */
    void recordUsage(TokenId id, Instant at);
}
