package com.lucenthq.mcp.application.admin;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.SessionSecret;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.util.Optional;

/** The digest under which a presented session cookie is stored, if it is of the cookie form at all. */
final class SessionCookies {

    private SessionCookies() {
    }

    static Optional<TokenHash> hashOf(String cookie, SecretHasher hasher) {
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(hasher.hash(SessionSecret.parse(cookie)));
        } catch (InvalidValueException notACookie) {
            return Optional.empty();
        }
    }
}
