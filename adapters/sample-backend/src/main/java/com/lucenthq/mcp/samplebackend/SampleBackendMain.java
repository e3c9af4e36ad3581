package com.lucenthq.mcp.samplebackend;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample backend on its own, e.g. as the shared data service of several MCP replicas:
 * {@code java … SampleBackendMain [--port N]}. Listens on loopback only and stops on SIGTERM or Ctrl-C.
 */
public final class SampleBackendMain {

    static final int DEFAULT_PORT = 50051;
    private static final int MAX_PORT = 65535;
    private static final String USAGE = "usage: SampleBackendMain [--port N]   (N in 0..65535, default "
            + DEFAULT_PORT + "; 0 picks a free port)";
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;

    private SampleBackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OptionalInt port = port(args);
        if (port.isEmpty()) {
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getAsInt());
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

    /** The port from {@code --port N}, the default without arguments, or empty when the arguments are wrong. */
    static OptionalInt port(String[] args) {
        if (args.length == 0) {
            return OptionalInt.of(DEFAULT_PORT);
        }
        if (args.length != 2 || !args[0].equals("--port")) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(args[1]);
            return port >= 0 && port <= MAX_PORT ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
