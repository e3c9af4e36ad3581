package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * OAuth grants with their authorization codes, refresh tokens and access tokens, in the token database beside
 * the static tokens: an access token is an MCP token that names its grant, so the request path still finds
 * every token with one lookup, and revoking a grant revokes its tokens in the same transaction.
 *
 * @throws com.lucenthq.mcp.domain.TokenStoreUnavailableException from any method when the store cannot be reached
 */
public interface GrantStore {

    /** Stores a newly approved grant together with the code that redeems it, atomically. */
    void addGrant(Grant grant, StoredCode code);

    Optional<StoredCode> findCode(TokenHash hash);

    /** Marks the code used at {@code at}; true only for the one caller that used it first. */
    boolean consumeCode(TokenHash hash, Instant at);

    /** Stores an access token of the grant and its refresh token, atomically. */
    void issue(GrantId grant, McpToken accessToken, StoredRefreshToken refreshToken);

    Optional<StoredRefreshToken> findRefreshToken(TokenHash hash);

    /** Marks the refresh token used at {@code at}; true only for the one caller that used it first. */
    boolean useRefreshToken(TokenHash hash, Instant at);

    /** The grant an access token was issued under; empty for a static token or an unknown one. */
    Optional<GrantId> grantOfAccessToken(TokenHash hash);

    /** The grant, whatever its org; for the token endpoint, which learns the org from the grant. */
    Optional<Grant> find(GrantId id);

    Optional<Grant> find(OrgId org, GrantId id);

    /** The org's grants, newest first, each with the last use of any of its access tokens. */
    List<Grant> list(OrgId org);

    /**
     * Revokes the grant and every access and refresh token issued under it at {@code at}, atomically; false when
     * the org has no such grant or it was already revoked.
     */
    boolean revoke(OrgId org, GrantId id, Instant at);

    /** Deletes codes that expired before {@code cutoff}; returns how many. */
    int deleteCodesExpiredBefore(Instant cutoff);
}
