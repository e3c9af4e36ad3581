package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Instant;
import java.util.Optional;

/**
 * What may be shown of a token: everything but its secret and its hash. An OAuth grant is listed as one row of
 * kind {@link Kind#OAUTH}, named after its client, whose id is the grant's (revoking it ends the grant); the
 * rotating access tokens under it are not listed.
 */
public record TokenSummary(TokenId id, OrgId org, TokenName name, Instant createdAt, Optional<Instant> lastUsedAt,
                           Optional<Instant> revokedAt, Kind kind) {

    /** What a row stands for. */
    public enum Kind {
        /** A {@code luc_mcp_} token made on the settings page or with {@code token create}. */
        STATIC("Token"),
        /** An OAuth grant: a client approved on the consent page. */
        OAUTH("OAuth");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the settings page and {@code token list} name the kind. */
        public String label() {
            return label;
        }
    }

    public static TokenSummary of(McpToken token) {
        return new TokenSummary(token.id(), token.org(), token.name(), token.createdAt(), token.lastUsed(),
                token.revoked(), Kind.STATIC);
    }

    public static TokenSummary of(Grant grant) {
        String name = grant.clientName().value();
        if (name.codePointCount(0, name.length()) > TokenName.MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, TokenName.MAX_LENGTH));
        }
        return new TokenSummary(new TokenId(grant.id().value()), grant.org(), TokenName.of(name), grant.createdAt(),
                grant.lastUsed(), grant.revoked(), Kind.OAUTH);
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
