package com.lucenthq.mcp.adapters.crypto;

import com.lucenthq.mcp.domain.port.TokenGenerator;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes token secrets from {@value PlaintextToken#RANDOM_BYTES} CSPRNG bytes (192 bits), encoded as
 * {@code luc_mcp_} plus unpadded base64url. One instance serves all threads: {@link SecureRandom} is
 * thread-safe, and seeding it once keeps token creation from paying for it on every call.
 */
public final class SecureRandomTokenGenerator implements TokenGenerator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = nonBlockingSecureRandom();

    @Override
    public PlaintextToken generate() {
        byte[] bytes = new byte[PlaintextToken.RANDOM_BYTES];
        random.nextBytes(bytes);
        String text = PlaintextToken.PREFIX + BASE64URL.encodeToString(bytes);
        // The raw bytes are the secret too; do not leave them lying in the heap longer than needed.
        Arrays.fill(bytes, (byte) 0);
        return PlaintextToken.parse(text);
    }

    /**
     * {@code NativePRNGNonBlocking} reads {@code /dev/urandom}, which never blocks once the kernel pool
     * is initialised; {@code getInstanceStrong()} could stall token creation on a freshly booted host.
     * Where it does not exist (Windows), the platform default is also a non-blocking CSPRNG.
     */
    private static SecureRandom nonBlockingSecureRandom() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException notOnThisPlatform) {
            return new SecureRandom();
        }
    }
}
