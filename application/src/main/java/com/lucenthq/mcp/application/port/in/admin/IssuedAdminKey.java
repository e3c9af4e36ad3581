package com.lucenthq.mcp.application.port.in.admin;

import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.token.AdminKey;
import java.util.Objects;

/** A new admin key and its plaintext, shown once. */
public record IssuedAdminKey(AdminCredential credential, AdminKey key) {

    public IssuedAdminKey {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(key, "key");
    }
}
