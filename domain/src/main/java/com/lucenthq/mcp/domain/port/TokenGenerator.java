package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.token.PlaintextToken;

/** Makes new token secrets: {@value PlaintextToken#RANDOM_BYTES} bytes from a CSPRNG, in the token form. */
public interface TokenGenerator {

    PlaintextToken generate();
}
