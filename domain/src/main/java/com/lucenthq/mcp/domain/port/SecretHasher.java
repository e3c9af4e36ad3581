package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.token.Secret;
import com.lucenthq.mcp.domain.token.TokenHash;

/** SHA-256 of a secret's UTF-8 bytes, the only form in which secrets are stored and looked up. */
public interface SecretHasher {

    TokenHash hash(Secret secret);
}
