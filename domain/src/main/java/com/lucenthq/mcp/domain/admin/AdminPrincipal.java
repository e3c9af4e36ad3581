package com.lucenthq.mcp.domain.admin;

import com.lucenthq.mcp.domain.org.OrgId;
import java.util.Objects;

/** A signed-in org administrator: the only source of the org for token management on the admin side. */
public record AdminPrincipal(OrgId org, AdminKeyId keyId) {

    public AdminPrincipal {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(keyId, "keyId");
    }
}
