package com.lucenthq.mcp.application.fake;

import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.Secret;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 from the JDK, for tests of the core that must not depend on the crypto adapter. */
public final class JdkSha256Hasher implements SecretHasher {

    @Override
    public TokenHash hash(Secret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
