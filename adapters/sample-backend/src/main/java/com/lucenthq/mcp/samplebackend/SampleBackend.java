package com.lucenthq.mcp.samplebackend;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running gRPC server for lucent.data.v1 (IssueService, SignalService, InsightService, OrgService) over the
 * bundled dataset, whose relative times are resolved against the clock once, at start.
 */
public final class SampleBackend implements AutoCloseable {

    private static final long GRACE_SECONDS = 5;

    private final Server server;

    private SampleBackend(Server server) {
        this.server = server;
    }

    /** Starts a Netty server on {@code address}; port 0 picks a free port, see {@link #port()}. */
    public static SampleBackend start(InetSocketAddress address, Clock clock) {
        return start(NettyServerBuilder.forAddress(address), clock, "on " + address.getHostString() + ":" + address.getPort());
    }

    /** Starts an in-process server that channels reach with {@code InProcessChannelBuilder.forName(name)}. */
    public static SampleBackend startInProcess(String name, Clock clock) {
        return start(InProcessServerBuilder.forName(name), clock, "in process as " + name);
    }

    /** The services over the dataset as of {@code clock}'s now, to host in a server of one's own. */
    public static List<BindableService> services(Clock clock) {
        Dataset dataset = Dataset.load(clock.instant());
        return List.of(new SampleIssueService(dataset), new SampleSignalService(dataset),
                new SampleInsightService(dataset), new SampleOrgService(dataset.displayNames()));
    }

    /** The port it listens on; -1 for an in-process backend. */
    public int port() {
        return server.getPort();
    }

    /** Stops accepting calls, lets running ones finish for a few seconds, then cancels the rest. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static SampleBackend start(ServerBuilder<?> builder, Clock clock, String where) {
        services(clock).forEach(builder::addService);
        // Every handler answers from memory without blocking, so it runs on the transport thread that read the call:
        // no hand-off to an executor thread and back, which costs more than the handler itself.
        builder.directExecutor();
        try {
            return new SampleBackend(builder.build().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample backend " + where, e);
        }
    }
}
