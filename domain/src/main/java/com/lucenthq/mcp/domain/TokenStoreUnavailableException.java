package com.lucenthq.mcp.domain;

/** The token store could not be reached. Callers answer "try again later", never "unauthorized". */
public final class TokenStoreUnavailableException extends RuntimeException {

    public TokenStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
