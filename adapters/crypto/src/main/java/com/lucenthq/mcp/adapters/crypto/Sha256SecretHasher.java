package com.lucenthq.mcp.adapters.crypto;

import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.Secret;
import com.lucenthq.mcp.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * SHA-256 of a secret's UTF-8 bytes as lowercase hex. A plain, unsalted digest is enough here: a token
 * carries 192 random bits, so there is nothing to guess, and the store must find a token by its digest.
 */
public final class Sha256SecretHasher implements SecretHasher {

    @Override
    public TokenHash hash(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] input = secret.reveal().getBytes(StandardCharsets.UTF_8);
        // A digest object holds state between update and doFinal, so each call gets its own.
        Digest digest = new SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] sum = new byte[digest.getDigestSize()];
        digest.doFinal(sum, 0);
        return new TokenHash(Hex.toHexString(sum));
    }
}
