package com.lucenthq.mcp.adapters.grpc;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * A name that resolves to fixed replica addresses, as a DNS name with several A records (or a Kubernetes headless
 * service) would: target {@code replicas:///<anything>}. Registered in the default registry, so that the production
 * channel settings apply unchanged; {@link #close()} removes it.
 */
final class ReplicasResolver extends NameResolverProvider implements AutoCloseable {

    static final String SCHEME = "replicas";

    private final List<InetSocketAddress> addresses;

    private ReplicasResolver(List<InetSocketAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    static ReplicasResolver register(List<InetSocketAddress> addresses) {
        ReplicasResolver provider = new ReplicasResolver(addresses);
        NameResolverRegistry.getDefaultRegistry().register(provider);
        return provider;
    }

    String target() {
        return SCHEME + ":///data";
    }

    @Override
    public void close() {
        NameResolverRegistry.getDefaultRegistry().deregister(this);
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        return new NameResolver() {
            private Listener2 listener;

            @Override
            public String getServiceAuthority() {
                return "data";
            }

            @Override
            public void start(Listener2 listener) {
                this.listener = listener;
                resolve();
            }

            @Override
            public void refresh() {
                resolve();
            }

            private void resolve() {
                List<EquivalentAddressGroup> groups = addresses.stream()
                        .map(address -> new EquivalentAddressGroup((SocketAddress) address)).toList();
                listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
            }

            @Override
            public void shutdown() {
            }
        };
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }
}
