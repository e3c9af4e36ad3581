package com.lucenthq.mcp.adapters.mcp.transport;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Slow clients cannot hold connections: Helidon's HTTP/1 connections, with two limits of ours around them.
 *
 * <ul>
 *   <li>A time limit on each phase of a connection — reading a request's headers and body, answering it, or idling
 *       until the next request — measured from Helidon's own "last request" time. A client that sends its request
 *       line and then one header byte every few seconds is cut off when it is spent. Helidon's idle check cannot do
 *       this: it interrupts only a connection that is waiting for a request line.</li>
 *   <li>A cap on the connections open at once per client address (IPv4 address or IPv6 /64, as the rate limits key
 *       them); a connection beyond it is closed before anything is read.</li>
 * </ul>
 * Install with {@code addConnectionSelector} on every listener; it takes precedence over the discovered HTTP/1 one.
 */
public final class ConnectionGuard implements ServerConnectionSelector, AutoCloseable {

    private final ServerConnectionSelector http1;
    private final Duration phaseTimeout;
    private final int maxPerAddress;
    private final Map<ClientAddress, Integer> open = new ConcurrentHashMap<>();
    private final Set<Guarded> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    /**
     * @param listener      the listener's name, for Helidon's HTTP/1 selector and the watchdog thread
     * @param phaseTimeout  how long reading a request, answering it or idling between requests may take
     * @param maxPerAddress connections open at once from one client address
     */
    public ConnectionGuard(String listener, Duration phaseTimeout, int maxPerAddress) {
        if (phaseTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("the request read timeout must be at least one second");
        }
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("the connections per address must be at least 1");
        }
        this.http1 = new Http1ConnectionProvider().create(listener, Http1Config.create(), ProtocolConfigs.create(List.of()));
        this.phaseTimeout = phaseTimeout;
        this.maxPerAddress = maxPerAddress;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("connection-guard-" + listener).factory());
        this.watchdog.scheduleWithFixedDelay(this::closeOverdue, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        ClientAddress address = ClientAddress.of(ctx.remotePeer().address());
        int[] count = new int[1];
        open.compute(address, (key, n) -> count[0] = (n == null ? 0 : n) + 1);
        if (count[0] > maxPerAddress) {
            release(address);
            return Refused.INSTANCE;
        }
        return new Guarded(http1.connection(ctx), address);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    int openConnections() {
        return active.size();
    }

    private void release(ClientAddress address) {
        open.computeIfPresent(address, (key, n) -> n <= 1 ? null : n - 1);
    }

    private void closeOverdue() {
        for (Guarded connection : active) {
            if (connection.delegate.idleTime().compareTo(phaseTimeout) > 0) {
                // Interrupting its thread closes its socket even mid-read.
                connection.delegate.close(true);
            }
        }
    }

    private final class Guarded implements ServerConnection {

        private final ServerConnection delegate;
        private final ClientAddress address;

        Guarded(ServerConnection delegate, ClientAddress address) {
            this.delegate = delegate;
            this.address = address;
        }

        @Override
        public void handle(Limit limit) throws InterruptedException {
            active.add(this);
            try {
                delegate.handle(limit);
            } finally {
                active.remove(this);
                release(address);
            }
        }

        @SuppressWarnings("removal")
        @Override
        public void handle(Semaphore requestSemaphore) throws InterruptedException {
            active.add(this);
            try {
                delegate.handle(requestSemaphore);
            } finally {
                active.remove(this);
                release(address);
            }
        }

        @Override
        public Duration idleTime() {
            return delegate.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            delegate.close(interrupt);
        }
    }

    /** A connection over the cap: handled by doing nothing, after which Helidon closes its socket. */
    private enum Refused implements ServerConnection {
        INSTANCE;

        @Override
        public void handle(Limit limit) {
        }

        @SuppressWarnings("removal")
        @Override
        public void handle(Semaphore requestSemaphore) {
        }

        @Override
        public Duration idleTime() {
            return Duration.ZERO;
        }

        @Override
        public void close(boolean interrupt) {
        }
    }
}
