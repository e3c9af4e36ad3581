package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Instant;
import java.util.Optional;

/** What may be shown of a token: everything but its secret and its hash. */
public record TokenSummary(TokenId id, OrgId org, TokenName name, Instant createdAt, Optional<Instant> lastUsedAt,
                           Optional<Instant> revokedAt) {

    public static TokenSummary of(McpToken token) {
        return new TokenSummary(token.id(), token.org(), token.name(), token.createdAt(), token.lastUsed(),
                token.revoked());
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
