package com.lucenthq.mcp.domain.token;

import java.util.regex.Pattern;

/**
 * An org administrator's credential for the settings page: {@code luc_adm_} followed by the base64url
 * text of 24 random bytes. Distinct from MCP tokens by prefix and by store: an MCP token never opens
 * the admin side, and an admin key never opens the MCP side.
 */
public final class AdminKey extends Secret {

    public static final String PREFIX = "luc_adm_";
    public static final int RANDOM_BYTES = 24;
    private static final Pattern FORM = form(PREFIX, RANDOM_BYTES);

    private AdminKey(String secret) {
        super(secret);
    }

    /** Parses a presented key exactly. @throws com.lucenthq.mcp.domain.InvalidValueException when it is not of the form */
    public static AdminKey parse(String text) {
        return new AdminKey(checked("admin key", text, FORM, PREFIX, RANDOM_BYTES));
    }

    @Override
    public String toString() {
        return PREFIX + "…(redacted)";
    }
}
