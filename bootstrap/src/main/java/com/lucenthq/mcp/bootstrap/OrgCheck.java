package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.grpc.DataChannelSecurity;
import com.lucenthq.mcp.adapters.grpc.DataChannels;
import com.lucenthq.mcp.adapters.grpc.GrpcOrgDirectory;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.org.Org;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.samplebackend.SampleBackend;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Before a token or admin key is minted, the data services confirm that its org exists: a mistyped org
 * would give a credential that works and sees nothing. Without {@code --data-target} the bundled sample
 * data answers, as it does for {@code serve}.
 */
final class OrgCheck {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private OrgCheck() {
    }

    static void requireKnown(OrgId org, DataServiceOptions data, PrintWriter err) {
        Optional<Org> found;
        try {
            found = find(org, data);
        } catch (DataSourceUnavailableException e) {
            if (!data.allowUnverifiedOrg) {
                throw new CommandRefusedException("Could not reach the data services to confirm that org " + org
                        + " exists. Try again, or pass --allow-unverified-org to mint without that check.", e);
            }
            err.println("Warning: could not reach the data services to confirm that org " + org
                    + " exists; minting anyway, as --allow-unverified-org asks.");
            return;
        }
        Org known = found.orElseThrow(() -> new CommandRefusedException("The data services know no org " + org
                + ". Check the spelling: a token for an unknown org would work and see nothing."));
        err.println("Org " + known.id() + (known.displayName().isEmpty() ? "" : " (" + known.displayName() + ")") + " exists.");
    }

    private static Optional<Org> find(OrgId org, DataServiceOptions data) {
        Optional<String> target = data.target();
        SampleBackend sample = target.isPresent() ? null
                : SampleBackend.start(new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC());
        DataChannelSecurity security = target.isPresent() ? data.security() : new DataChannelSecurity.Plaintext();
        ManagedChannel channel = DataChannels.open(target.orElseGet(() -> "127.0.0.1:" + sample.port()), security);
        try {
            return new GrpcOrgDirectory(channel, DEADLINE).find(org);
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (sample != null) {
                sample.close();
            }
        }
    }
}
