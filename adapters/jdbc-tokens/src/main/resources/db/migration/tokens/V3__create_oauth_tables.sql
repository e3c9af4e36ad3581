-- OAuth: dynamically registered clients, grants, authorization codes and refresh tokens. Codes and refresh
-- tokens are stored as the SHA-256 hex of the secret, never the secret. An access token is an mcp_tokens row
-- that names its grant and has an expiry, so that the request path keeps its one lookup by hash.
-- Written to run unchanged on PostgreSQL 15 and H2 2.x.
CREATE TABLE oauth_clients (
    client_id     VARCHAR(2048)            NOT NULL,
    client_name   VARCHAR(400)             NOT NULL,
    -- One per line; at most 10 of at most 2048 characters each.
    redirect_uris VARCHAR(25000)           NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth_clients_pk PRIMARY KEY (client_id)
);

-- Unused registrations are swept by creation time.
CREATE INDEX oauth_clients_created_at_idx ON oauth_clients (created_at);

CREATE TABLE oauth_grants (
    id           UUID                     NOT NULL,
    org_id       VARCHAR(63)              NOT NULL,
    -- A registered client's id, or the URL of a client metadata document (not stored in oauth_clients).
    client_id    VARCHAR(2048)            NOT NULL,
    client_name  VARCHAR(400)             NOT NULL,
    registration VARCHAR(32)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth_grants_pk PRIMARY KEY (id)
);

CREATE INDEX oauth_grants_org_id_idx ON oauth_grants (org_id, created_at);
CREATE INDEX oauth_grants_client_id_idx ON oauth_grants (client_id);

CREATE TABLE oauth_codes (
    code_hash      CHAR(64)                 NOT NULL,
    grant_id       UUID                     NOT NULL,
    client_id      VARCHAR(2048)            NOT NULL,
    redirect_uri   VARCHAR(2048)            NOT NULL,
    code_challenge CHAR(43)                 NOT NULL,
    resource       VARCHAR(2048)            NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth_codes_pk PRIMARY KEY (code_hash),
    CONSTRAINT oauth_codes_grant_id_fk FOREIGN KEY (grant_id) REFERENCES oauth_grants (id)
);

CREATE INDEX oauth_codes_expires_at_idx ON oauth_codes (expires_at);

CREATE TABLE oauth_refresh_tokens (
    token_hash CHAR(64)                 NOT NULL,
    grant_id   UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth_refresh_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT oauth_refresh_tokens_grant_id_fk FOREIGN KEY (grant_id) REFERENCES oauth_grants (id)
);

ALTER TABLE mcp_tokens ADD COLUMN grant_id UUID;
ALTER TABLE mcp_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mcp_tokens ADD CONSTRAINT mcp_tokens_grant_id_fk FOREIGN KEY (grant_id) REFERENCES oauth_grants (id);
-- Revoking a grant revokes its access tokens; the listing skips them.
CREATE INDEX mcp_tokens_grant_id_idx ON mcp_tokens (grant_id);
