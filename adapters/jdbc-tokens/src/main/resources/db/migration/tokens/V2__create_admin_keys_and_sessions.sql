-- Admin keys and admin sessions: the SHA-256 hex of each key and of each session cookie, never the
-- secret itself. Written to run unchanged on PostgreSQL 15 and H2 2.x.
CREATE TABLE admin_keys (
    id         UUID                     NOT NULL,
    org_id     VARCHAR(63)              NOT NULL,
    key_hash   CHAR(64)                 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_keys_pk PRIMARY KEY (id),
    -- Signing in looks the key up by hash.
    CONSTRAINT admin_keys_key_hash_key UNIQUE (key_hash)
);

CREATE TABLE admin_sessions (
    -- Every admin request looks its session up by the hash of its cookie.
    session_hash CHAR(64)                 NOT NULL,
    org_id       VARCHAR(63)              NOT NULL,
    admin_key_id UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_sessions_pk PRIMARY KEY (session_hash),
    CONSTRAINT admin_sessions_admin_key_id_fk FOREIGN KEY (admin_key_id) REFERENCES admin_keys (id)
);

-- Expired sessions are swept by expiry time.
CREATE INDEX admin_sessions_expires_at_idx ON admin_sessions (expires_at);
