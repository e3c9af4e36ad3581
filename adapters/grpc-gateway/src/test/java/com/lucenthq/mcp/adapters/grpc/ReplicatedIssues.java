package com.lucenthq.mcp.adapters.grpc;

import static com.lucenthq.mcp.adapters.grpc.SampleData.ACME;

import com.lucenthq.mcp.application.contract.Queries;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * An issue source over the production channel settings to a name that resolves to several replicas, counting which
 * replica answered each call, with callers that keep calling in the background and collect every failure.
 */
final class ReplicatedIssues implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ReplicasResolver resolver;
    private final ManagedChannel channel;
    private final GrpcIssueSource issues;
    private final Map<SocketAddress, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean calling = new AtomicBoolean();
    private ExecutorService callers;

    ReplicatedIssues(InetSocketAddress... replicas) {
        resolver = ReplicasResolver.register(List.of(replicas));
        channel = DataChannels.open(resolver.target(), new DataChannelSecurity.Plaintext());
        issues = new GrpcIssueSource(ClientInterceptors.intercept(channel, new CountAnswers()), Duration.ofSeconds(5));
    }

    void call() {
        issues.list(ACME, Queries.issues());
    }

    int answered(SocketAddress replica) {
        AtomicInteger count = answeredBy.get(replica);
        return count == null ? 0 : count.get();
    }

    String answers() {
        return answeredBy.toString();
    }

    /** Starts {@code threads} callers that call until {@link #stopCalling()}. */
    void startCalling(int threads) {
        calling.set(true);
        callers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            callers.execute(() -> {
                while (calling.get()) {
                    try {
                        call();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
        }
    }

    /** Stops the callers and returns every failure they met. */
    List<Throwable> stopCalling() throws InterruptedException {
        calling.set(false);
        callers.shutdown();
        if (!callers.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the callers did not stop");
        }
        return new ArrayList<>(failures);
    }

    /** Whether {@code condition} holds within a minute; it is checked again and again until then. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        calling.set(false);
        if (callers != null) {
            callers.shutdownNow();
        }
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        resolver.close();
    }

    /** Counts each successful call by the address of the replica that answered it. */
    private final class CountAnswers implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    ClientCall<Q, R> call = this;
                    super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                            if (status.isOk() && remote != null) {
                                answeredBy.computeIfAbsent(remote, r -> new AtomicInteger()).incrementAndGet();
                            }
                            super.onClose(status, trailers);
                        }
                    }, headers);
                }
            };
        }
    }
}
