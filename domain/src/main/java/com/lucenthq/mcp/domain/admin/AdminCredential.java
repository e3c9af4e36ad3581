package com.lucenthq.mcp.domain.admin;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.time.Instant;
import java.util.Objects;

/** A stored admin key: its org and SHA-256 digest, never the key itself. */
public record AdminCredential(AdminKeyId id, OrgId org, TokenHash hash, Instant createdAt) {

    public AdminCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
