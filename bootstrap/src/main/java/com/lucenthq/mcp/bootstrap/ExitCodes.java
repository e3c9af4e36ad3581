package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.domain.TokenStoreUnavailableException;

/**
 * The exit codes of every command (docs/configuration.md): scripts tell a typo from a refusal from an outage.
 * Picocli itself exits with {@link #USAGE} when the command line does not parse.
 */
final class ExitCodes {

    static final int OK = 0;
    /** The operation was refused: an unknown token id, a busy port, a data directory that holds no database. */
    static final int REFUSED = 1;
    /** The command line is wrong: an unknown option, a missing or malformed value. */
    static final int USAGE = 2;
    /** The token database could not be reached. */
    static final int DATABASE_UNREACHABLE = 3;

    private ExitCodes() {
    }

    static int of(Exception exception) {
        return switch (exception) {
            case TokenStoreUnavailableException unreachable -> DATABASE_UNREACHABLE;
            case IllegalArgumentException badValue -> USAGE;
            default -> REFUSED;
        };
    }
}
