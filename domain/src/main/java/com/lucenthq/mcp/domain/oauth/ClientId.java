package com.lucenthq.mcp.domain.oauth;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.util.UUID;

/**
 * An OAuth client's identifier: either one we issued at dynamic registration ({@code dcr_} and a UUID) or
 * the URL of the client's metadata document (a Client ID Metadata Document). Public: safe to show and log
 * once escaped, since a client chooses its URL.
 */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 2048;
    private static final String DYNAMIC_PREFIX = "dcr_";

    public ClientId {
        Text.required("client_id", value);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("client_id", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacter(value) || !value.equals(value.strip())) {
            throw new InvalidValueException("client_id", "must not contain control characters or surrounding spaces");
        }
    }

    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /** A new identifier for a dynamically registered client. */
    public static ClientId newDynamic() {
        return new ClientId(DYNAMIC_PREFIX + UUID.randomUUID());
    }

    /** Whether the identifier is a URL naming the client's metadata document, which is then fetched. */
    public boolean isMetadataDocumentUrl() {
        return value.startsWith("https://") || value.startsWith("http://");
    }

    @Override
    public String toString() {
        return value;
    }
}
