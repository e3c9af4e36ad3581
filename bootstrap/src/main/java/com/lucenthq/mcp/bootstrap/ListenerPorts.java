package com.lucenthq.mcp.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Each listener's port and the option that sets it. A busy port is refused before anything starts, as one
 * sentence naming the port and its option, instead of Helidon's stack trace and a process that never exits.
 */
enum ListenerPorts {
    MCP("--port (env LUCENT_MCP_PORT)"),
    OPERATIONS("--operations-port (env LUCENT_MCP_OPERATIONS_PORT)");

    private final String option;

    ListenerPorts(String option) {
        this.option = option;
    }

    /** Binds and releases {@code host:port} once; port 0 (any free port) is always free. */
    void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // Helidon binds with SO_REUSEADDR too: a port in TIME_WAIT only is not busy for it.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw busy(host, port, e);
        } catch (IOException e) {
            throw new CommandRefusedException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): check the address, or choose another with " + option + ".", e);
        }
    }

    /** Helidon reports a listener that failed to start with port -1 (another process won the race for it). */
    void requireBound(int boundPort, String host, int port) {
        if (boundPort < 0) {
            throw busy(host, port, null);
        }
    }

    private CommandRefusedException busy(String host, int port, Exception cause) {
        return new CommandRefusedException("Port " + port + " on " + host + " is already in use: stop what holds it, "
                + "or choose another with " + option + ".", cause);
    }
}
