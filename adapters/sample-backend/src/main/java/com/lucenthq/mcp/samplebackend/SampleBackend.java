package com.lucenthq.mcp.samplebackend;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running gRPC server for lucent.data.v1 (IssueService, SignalService, InsightService, OrgService) over the
 * bundled dataset, whose relative times are resolved against the clock once, at start. It also serves
 * grpc.health.v1, SERVING for the whole server and each service until told otherwise.
 */
public final class SampleBackend implements AutoCloseable {

    private static final long GRACE_SECONDS = 5;
    /** Clients ping open connections this often at most (the gateway every 30 s); more often is abuse. */
    private static final long PERMITTED_KEEPALIVE_SECONDS = 20;

    private final Server server;
    private final HealthStatusManager health;

    private SampleBackend(Server server, HealthStatusManager health) {
        this.server = server;
        this.health = health;
    }

    /** Starts a Netty server on {@code address}; port 0 picks a free port, see {@link #port()}. */
    public static SampleBackend start(InetSocketAddress address, Clock clock) {
        return start(address, clock, List.of());
    }

    /** With {@code interceptors} around every call, e.g. one that continues the caller's trace. */
    public static SampleBackend start(InetSocketAddress address, Clock clock, List<ServerInterceptor> interceptors) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
                .permitKeepAliveTime(PERMITTED_KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        return start(builder, clock, interceptors, "on " + address.getHostString() + ":" + address.getPort());
    }

    /** Starts an in-process server that channels reach with {@code InProcessChannelBuilder.forName(name)}. */
    public static SampleBackend startInProcess(String name, Clock clock) {
        return start(InProcessServerBuilder.forName(name), clock, List.of(), "in process as " + name);
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

    /**
     * Reports the whole server and each service as serving or not on grpc.health.v1; clients that check health take a
     * backend that is not serving out of their rotation, and it keeps answering the calls that still reach it.
     */
    public void serving(boolean serving) {
        ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        for (var service : server.getServices()) {
            String name = service.getServiceDescriptor().getName();
            if (!name.equals(HealthGrpc.SERVICE_NAME)) {
                health.setStatus(name, status);
            }
        }
    }

    /** Stops accepting calls, lets running ones finish for a few seconds, then cancels the rest. */
    @Override
    public void close() {
        health.enterTerminalState();
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

    /** {@code interceptors} wrap the data services only: the health service's long-lived watches are not calls to trace. */
    private static SampleBackend start(ServerBuilder<?> builder, Clock clock, List<ServerInterceptor> interceptors,
                                       String where) {
        services(clock).forEach(service -> builder.addService(ServerInterceptors.intercept(service, interceptors)));
        HealthStatusManager health = new HealthStatusManager();
        builder.addService(health.getHealthService());
        // Every handler answers from memory without blocking, so it runs on the transport thread that read the call:
        // no hand-off to an executor thread and back, which costs more than the handler itself.
        builder.directExecutor();
        try {
            SampleBackend backend = new SampleBackend(builder.build().start(), health);
            backend.serving(true);
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample backend " + where, e);
        }
    }
}
