package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenHash;

/** SHA-256 of a token's plaintext (its UTF-8 bytes), the form in which tokens are stored and looked up. */
public interface TokenHasher {

    TokenHash hash(PlaintextToken token);
}
