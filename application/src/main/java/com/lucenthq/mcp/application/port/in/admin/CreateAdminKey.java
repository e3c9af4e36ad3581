package com.lucenthq.mcp.application.port.in.admin;

import com.lucenthq.mcp.domain.org.OrgId;

/** Mints an admin key for an org's settings page. Operator side (the CLI) only. */
public interface CreateAdminKey {

    /** The new key with its plaintext, which is not kept anywhere and can never be had again. */
    IssuedAdminKey create(OrgId org);
}
