package com.lucenthq.mcp.domain.org;

import java.util.Objects;

/**
 * An organization as the data services know it.
 *
 * @param id          its slug, e.g. {@code acme}
 * @param displayName its name for people, e.g. {@code Acme Corporation}; empty when the service has none
 */
public record Org(OrgId id, String displayName) {

    public Org {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
