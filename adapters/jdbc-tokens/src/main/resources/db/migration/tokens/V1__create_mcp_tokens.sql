-- MCP tokens: metadata and the SHA-256 hex of each token, never the plaintext.
-- Written to run unchanged on PostgreSQL 15 and H2 2.x.
CREATE TABLE mcp_tokens (
    id           UUID                     NOT NULL,
    org_id       VARCHAR(63)              NOT NULL,
    -- A name is at most 64 characters; 256 leaves room for databases that count UTF-16 units.
    name         VARCHAR(256)             NOT NULL,
    token_hash   CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mcp_tokens_pk PRIMARY KEY (id),
    -- Every authenticated request looks its token up by hash.
    CONSTRAINT mcp_tokens_token_hash_key UNIQUE (token_hash)
);

-- Every other query is scoped by org; the listing is ordered by creation time.
CREATE INDEX mcp_tokens_org_id_idx ON mcp_tokens (org_id, created_at);
