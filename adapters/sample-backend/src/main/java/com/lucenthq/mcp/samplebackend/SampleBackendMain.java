package com.lucenthq.mcp.samplebackend;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample backend on its own, e.g. as the shared data service of several MCP replicas:
 * {@code java … SampleBackendMain [--host LOOPBACK] [--port N]}. Listens on a loopback address only (127.0.0.1 by
 * default; others such as 127.0.0.2 let several replicas share a port, as behind one name) and stops on SIGTERM or Ctrl-C.
 */
public final class SampleBackendMain {

    static final int DEFAULT_PORT = 50051;
    private static final int MAX_PORT = 65535;
    private static final String USAGE = "usage: SampleBackendMain [--host LOOPBACK_ADDRESS] [--port N]   (a loopback "
            + "address such as 127.0.0.2, default 127.0.0.1; N in 0..65535, default " + DEFAULT_PORT + "; 0 picks a free port)";
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;

    private SampleBackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<InetSocketAddress> parsed = address(args);
        if (parsed.isEmpty()) {
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        InetSocketAddress address = parsed.get();
        SampleBackend backend;
        try {
            backend = SampleBackend.start(address, Clock.systemUTC());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(EXIT_FAILURE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "sample-backend-shutdown"));
        System.out.println("Sample backend listening on " + address.getAddress().getHostAddress() + ":" + backend.port());
        System.out.flush();
        // gRPC's transport threads are daemons: without this wait the JVM would exit right away.
        stopped.await();
    }

    /**
     * The address from {@code --host H} (a loopback address) and {@code --port N}, in either order, each optional; empty
     * when the arguments are wrong.
     */
    static Optional<InetSocketAddress> address(String[] args) {
        InetAddress host = InetAddress.getLoopbackAddress();
        int port = DEFAULT_PORT;
        if (args.length % 2 != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> {
                    Optional<InetAddress> loopback = loopback(args[i + 1]);
                    if (loopback.isEmpty()) {
                        return Optional.empty();
                    }
                    host = loopback.get();
                }
                case "--port" -> {
                    OptionalInt parsed = port(args[i + 1]);
                    if (parsed.isEmpty()) {
                        return Optional.empty();
                    }
                    port = parsed.getAsInt();
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new InetSocketAddress(host, port));
    }

    /** A literal loopback address; names are not resolved. */
    private static Optional<InetAddress> loopback(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            return address.isLoopbackAddress() ? Optional.of(address) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= MAX_PORT ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
