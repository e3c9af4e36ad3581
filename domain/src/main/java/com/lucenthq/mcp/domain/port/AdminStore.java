package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Optional;

/**
 * Where admin keys and admin sessions are kept, as SHA-256 digests only. Lives beside the
 * {@link TokenStore}; an MCP token is never found here.
 *
 * @throws TokenStoreUnavailableException from any method when the store cannot be reached
 */
public interface AdminStore {

    void addCredential(AdminCredential credential);

    Optional<AdminCredential> findCredentialByHash(TokenHash hash);

    void addSession(AdminSession session);

    /** The session whose cookie has this digest, expired or not. */
    Optional<AdminSession> findSessionByHash(TokenHash hash);

    void deleteSession(TokenHash hash);

    /** Deletes every session that expired at or before {@code now}; returns how many. */
    int deleteSessionsExpiredBy(Instant now);
}
