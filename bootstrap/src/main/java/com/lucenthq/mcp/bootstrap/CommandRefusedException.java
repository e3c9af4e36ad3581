package com.lucenthq.mcp.bootstrap;

/** A command that cannot do what was asked, with a sentence saying why and what to do instead; exits with 1. */
final class CommandRefusedException extends RuntimeException {

    CommandRefusedException(String message) {
        super(message);
    }

    CommandRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
