package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** Bouncy Castle outside crypto. */
final class UsesBouncyCastle {
    boolean same(byte[] a, byte[] b) {
        return org.bouncycastle.util.Arrays.constantTimeAreEqual(a, b);
    }
}
