package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.grpc.DataChannels;
import com.lucenthq.mcp.adapters.grpc.GrpcInsightSource;
import com.lucenthq.mcp.adapters.grpc.GrpcIssueSource;
import com.lucenthq.mcp.adapters.grpc.GrpcSignalSource;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The issue, signal and insight sources over gRPC: one channel per distinct target and security (services at the same
 * target share its connections), and the bundled sample backend on loopback for the services given no target.
 */
final class DataServices implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DataServices.class.getName());

    private record ChannelKey(String target, DataChannelSecurity security) {
    }

    private final List<AutoCloseable> resources;
    private final Map<String, ManagedChannel> channelByService;
    private final IssueSource issues;
    private final SignalSource signals;
    private final InsightSource insights;

    private DataServices(List<AutoCloseable> resources, Map<String, ManagedChannel> channelByService, IssueSource issues,
                         SignalSource signals, InsightSource insights) {
        this.resources = resources;
        this.channelByService = channelByService;
        this.issues = issues;
        this.signals = signals;
        this.insights = insights;
    }

    static DataServices open(DataEndpoints endpoints) {
        return open(endpoints, Tracing.off());
    }

    /** With each call traced by {@code tracing}, and its trace continued by the bundled backend. */
    static DataServices open(DataEndpoints endpoints, Tracing tracing) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            String bundled = endpoints.needsBundledBackend() ? startBundledBackend(resources, tracing) : null;
            Map<ChannelKey, ManagedChannel> channels = new HashMap<>();
            Map<String, ManagedChannel> channelByService = new LinkedHashMap<>();
            Map<String, DataEndpoint> endpointByService = new LinkedHashMap<>();
            endpointByService.put("issues", endpoints.issues());
            endpointByService.put("signals", endpoints.signals());
            endpointByService.put("insights", endpoints.insights());
            for (Map.Entry<String, DataEndpoint> service : endpointByService.entrySet()) {
                DataEndpoint endpoint = service.getValue();
                ChannelKey key = new ChannelKey(endpoint.target().orElse(bundled), endpoint.effectiveSecurity());
                channelByService.put(service.getKey(), channels.computeIfAbsent(key, k -> {
                    ManagedChannel channel = DataChannels.open(k.target(), k.security());
                    resources.add(() -> close(channel));
                    // Connect now, not on the first tool call, which would otherwise spend its deadline connecting.
                    channel.getState(true);
                    return channel;
                }));
            }
            return new DataServices(resources, channelByService,
                    new GrpcIssueSource(tracing.intercept(channelByService.get("issues")), endpoints.issues().deadline()),
                    new GrpcSignalSource(tracing.intercept(channelByService.get("signals")), endpoints.signals().deadline()),
                    new GrpcInsightSource(tracing.intercept(channelByService.get("insights")),
                            endpoints.insights().deadline()));
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    IssueSource issues() {
        return issues;
    }

    SignalSource signals() {
        return signals;
    }

    InsightSource insights() {
        return insights;
    }

    /**
     * Each service's channel state (idle, connecting, ready, transient_failure, shutdown), without making an idle
     * channel connect.
     */
    Map<String, String> channelStates() {
        Map<String, String> states = new LinkedHashMap<>();
        channelByService.forEach((service, channel) ->
                states.put(service, channel.getState(false).name().toLowerCase(Locale.ROOT)));
        return states;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static String startBundledBackend(List<AutoCloseable> resources, Tracing tracing) {
        SampleBackend backend = SampleBackend.start(new InetSocketAddress("127.0.0.1", 0), java.time.Clock.systemUTC(),
                tracing.backendInterceptors());
        resources.add(backend);
        LOG.info("Started the bundled sample data backend on 127.0.0.1:" + backend.port());
        return "127.0.0.1:" + backend.port();
    }

    private static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }

    /** Channels first, then the backend they talk to: in the reverse order of opening. */
    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Failed to close " + resources.get(i), e);
            }
        }
        resources.clear();
    }
}
