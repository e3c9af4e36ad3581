package com.lucenthq.mcp.application.fake;

import com.lucenthq.mcp.domain.oauth.Grant;
import com.lucenthq.mcp.domain.oauth.GrantId;
import com.lucenthq.mcp.domain.oauth.StoredCode;
import com.lucenthq.mcp.domain.oauth.StoredRefreshToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link GrantStore} in memory, for use-case tests that need one (the JDBC store is held to
 * {@code GrantStoreContract}). Access tokens are kept here, beside the grant, not in a token store.
 */
public final class InMemoryGrantStore implements GrantStore {

    private final Map<GrantId, Grant> grants = new HashMap<>();
    private final Map<TokenHash, StoredCode> codes = new HashMap<>();
    private final Map<TokenHash, StoredRefreshToken> refreshTokens = new HashMap<>();
    private final Map<TokenHash, McpToken> accessTokens = new HashMap<>();
    private final Map<TokenHash, GrantId> accessTokenGrants = new HashMap<>();

    @Override
    public synchronized void addGrant(Grant grant, StoredCode code) {
        grants.put(grant.id(), grant);
        codes.put(code.hash(), code);
    }

    @Override
    public synchronized Optional<StoredCode> findCode(TokenHash hash) {
        return Optional.ofNullable(codes.get(hash));
    }

    @Override
    public synchronized boolean consumeCode(TokenHash hash, Instant at) {
        StoredCode code = codes.get(hash);
        if (code == null || code.consumedAt() != null) {
            return false;
        }
        codes.put(hash, new StoredCode(code.hash(), code.grant(), code.clientId(), code.redirectUri(), code.challenge(),
                code.resource(), code.expiresAt(), at));
        return true;
    }

    @Override
    public synchronized void issue(GrantId grant, McpToken accessToken, StoredRefreshToken refreshToken) {
        accessTokens.put(accessToken.hash(), accessToken);
        accessTokenGrants.put(accessToken.hash(), grant);
        refreshTokens.put(refreshToken.hash(), refreshToken);
    }

    @Override
    public synchronized Optional<StoredRefreshToken> findRefreshToken(TokenHash hash) {
        return Optional.ofNullable(refreshTokens.get(hash));
    }

    @Override
    public synchronized boolean useRefreshToken(TokenHash hash, Instant at) {
        StoredRefreshToken token = refreshTokens.get(hash);
        if (token == null || token.usedAt() != null) {
            return false;
        }
        refreshTokens.put(hash, new StoredRefreshToken(token.hash(), token.grant(), token.createdAt(), token.expiresAt(), at));
        return true;
    }

    @Override
    public synchronized Optional<GrantId> grantOfAccessToken(TokenHash hash) {
        return Optional.ofNullable(accessTokenGrants.get(hash));
    }

    @Override
    public synchronized Optional<Grant> find(GrantId id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public synchronized Optional<Grant> find(OrgId org, GrantId id) {
        return find(id).filter(grant -> grant.org().equals(org));
    }

    @Override
    public synchronized List<Grant> list(OrgId org) {
        return grants.values().stream().filter(grant -> grant.org().equals(org))
                .sorted(Comparator.comparing(Grant::createdAt).reversed()).toList();
    }

    @Override
    public synchronized boolean revoke(OrgId org, GrantId id, Instant at) {
        Optional<Grant> standing = find(org, id).filter(grant -> !grant.isRevoked());
        standing.ifPresent(grant -> grants.put(id, new Grant(grant.id(), grant.org(), grant.clientId(), grant.clientName(),
                grant.registration(), grant.createdAt(), grant.lastUsedAt(), at)));
        accessTokenGrants.forEach((hash, grant) -> {
            if (grant.equals(id) && standing.isPresent()) {
                accessTokens.computeIfPresent(hash, (key, token) -> token.revokedAt(at));
            }
        });
        return standing.isPresent();
    }

    @Override
    public synchronized int deleteCodesExpiredBefore(Instant cutoff) {
        int before = codes.size();
        codes.values().removeIf(code -> code.expiresAt().isBefore(cutoff));
        return before - codes.size();
    }
}
