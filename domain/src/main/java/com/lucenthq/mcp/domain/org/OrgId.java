package com.lucenthq.mcp.domain.org;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.util.regex.Pattern;

/**
 * An organization's identifier, e.g. {@code acme}. Every data query is scoped by one; it only
 * ever comes from an authenticated principal or an operator, never from an MCP client.
 */
public record OrgId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public OrgId {
        Text.required("org", value);
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("org",
                    "must be 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
    }

    public static OrgId of(String value) {
        return new OrgId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
