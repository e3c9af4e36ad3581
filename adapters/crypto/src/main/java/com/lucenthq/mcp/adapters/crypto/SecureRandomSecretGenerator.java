package com.lucenthq.mcp.adapters.crypto;

import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.token.AdminKey;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.RefreshToken;
import com.lucenthq.mcp.domain.token.SessionSecret;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes secrets from CSPRNG bytes, encoded as unpadded base64url behind their prefix: MCP tokens from
 * {@value PlaintextToken#RANDOM_BYTES} bytes (192 bits) as {@code luc_mcp_…}, admin keys, session cookies.
 * One instance serves all threads: {@link SecureRandom} is thread-safe, and seeding it once keeps token creation from paying for it on every call.
 */
public final class SecureRandomSecretGenerator implements SecretGenerator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = nonBlockingSecureRandom();

    @Override
    public PlaintextToken generate() {
        return PlaintextToken.parse(PlaintextToken.PREFIX + randomText(PlaintextToken.RANDOM_BYTES));
    }

    @Override
    public AdminKey generateAdminKey() {
        return AdminKey.parse(AdminKey.PREFIX + randomText(AdminKey.RANDOM_BYTES));
    }

    @Override
    public SessionSecret generateSessionSecret() {
        return SessionSecret.parse(randomText(SessionSecret.RANDOM_BYTES));
    }

    @Override
    public AuthorizationCode generateAuthorizationCode() {
        return AuthorizationCode.parse(AuthorizationCode.PREFIX + randomText(AuthorizationCode.RANDOM_BYTES));
    }

    @Override
    public RefreshToken generateRefreshToken() {
        return RefreshToken.parse(RefreshToken.PREFIX + randomText(RefreshToken.RANDOM_BYTES));
    }

    private String randomText(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        String text = BASE64URL.encodeToString(bytes);
        // The raw bytes are the secret too; do not leave them lying in the heap longer than needed.
        Arrays.fill(bytes, (byte) 0);
        return text;
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
