package com.lucenthq.mcp.application.fake;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.admin.AdminSession;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AdminStore} in memory, held to the same contract as the JDBC one ({@code AdminStoreContract}),
 * including its microsecond timestamps and its constraints: a key id or key hash is stored once, a session
 * hash once, and a session must name a stored key. {@link #setAvailable(boolean) setAvailable(false)}
 * makes every method fail as an unreachable database would.
 */
public final class InMemoryAdminStore implements AdminStore {

    private final Map<AdminKeyId, AdminCredential> credentials = new HashMap<>();
    private final Map<TokenHash, AdminSession> sessions = new HashMap<>();
    private volatile boolean available = true;

    /** While false, every method throws {@link TokenStoreUnavailableException}; keys and sessions are kept. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized void addCredential(AdminCredential credential) {
        ensureAvailable();
        // The real store's primary key and unique index refuse these; a test adding one has a bug.
        if (credentials.containsKey(credential.id()) || credentialByHash(credential.hash()).isPresent()) {
            throw new IllegalStateException("an admin key with id " + credential.id() + " or the same hash is already stored");
        }
        credentials.put(credential.id(), new AdminCredential(credential.id(), credential.org(), credential.hash(),
                micros(credential.createdAt())));
    }

    @Override
    public synchronized Optional<AdminCredential> findCredentialByHash(TokenHash hash) {
        ensureAvailable();
        return credentialByHash(hash);
    }

    @Override
    public synchronized void addSession(AdminSession session) {
        ensureAvailable();
        // The real store's primary key and foreign key refuse these.
        if (sessions.containsKey(session.hash())) {
            throw new IllegalStateException("a session with the same hash is already stored");
        }
        if (!credentials.containsKey(session.keyId())) {
            throw new IllegalStateException("no admin key " + session.keyId() + " is stored for this session");
        }
        sessions.put(session.hash(), new AdminSession(session.hash(), session.org(), session.keyId(),
                micros(session.createdAt()), micros(session.expiresAt())));
    }

    @Override
    public synchronized Optional<AdminSession> findSessionByHash(TokenHash hash) {
        ensureAvailable();
        return Optional.ofNullable(sessions.get(hash));
    }

    @Override
    public synchronized void deleteSession(TokenHash hash) {
        ensureAvailable();
        sessions.remove(hash);
    }

    @Override
    public synchronized int deleteSessionsExpiredBy(Instant now) {
        ensureAvailable();
        // As exact as comparing with now itself: stored expiries are whole microseconds.
        Instant cutoff = micros(now);
        int deleted = 0;
        for (Iterator<AdminSession> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!it.next().expiresAt().isAfter(cutoff)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    private Optional<AdminCredential> credentialByHash(TokenHash hash) {
        return credentials.values().stream().filter(credential -> credential.hash().matches(hash)).findFirst();
    }

    private void ensureAvailable() {
        if (!available) {
            throw new TokenStoreUnavailableException("The admin store is unavailable (simulated by the test).", null);
        }
    }

    /** The precision of PostgreSQL's and H2's timestamps, which the JDBC store truncates to as well. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
