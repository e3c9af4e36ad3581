package com.lucenthq.mcp.bootstrap;

import com.lucenthq.mcp.adapters.admin.AdminHttpConfig;
import com.lucenthq.mcp.adapters.admin.AdminUseCases;
import com.lucenthq.mcp.adapters.crypto.SecureRandomSecretGenerator;
import com.lucenthq.mcp.adapters.crypto.Sha256SecretHasher;
import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import com.lucenthq.mcp.adapters.mcp.tools.McpUseCases;
import com.lucenthq.mcp.adapters.memory.BundledDataset;
import com.lucenthq.mcp.adapters.memory.MemoryInsightSource;
import com.lucenthq.mcp.adapters.memory.MemoryIssueSource;
import com.lucenthq.mcp.adapters.memory.MemorySignalSource;
import com.lucenthq.mcp.application.admin.AuthenticateAdminSessionService;
import com.lucenthq.mcp.application.admin.CreateAdminKeyService;
import com.lucenthq.mcp.application.admin.EndAdminSessionService;
import com.lucenthq.mcp.application.admin.StartAdminSessionService;
import com.lucenthq.mcp.application.port.in.admin.CreateAdminKey;
import com.lucenthq.mcp.application.port.in.token.CreateToken;
import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.port.in.token.RevokeToken;
import com.lucenthq.mcp.application.query.GetInsightService;
import com.lucenthq.mcp.application.query.GetIssueService;
import com.lucenthq.mcp.application.query.GetSignalService;
import com.lucenthq.mcp.application.query.ListInsightsService;
import com.lucenthq.mcp.application.query.ListIssuesService;
import com.lucenthq.mcp.application.query.ListSignalsService;
import com.lucenthq.mcp.application.query.SummarizeInsightsService;
import com.lucenthq.mcp.application.query.SummarizeIssuesService;
import com.lucenthq.mcp.application.token.AuthenticateTokenService;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.application.token.ListTokensService;
import com.lucenthq.mcp.application.token.RevokeTokenService;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.InsightSource;
import com.lucenthq.mcp.domain.port.IssueSource;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.port.UsageWriteFailures;
import io.helidon.webserver.http.HttpService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The composition root: the one place where use cases are built from adapters, for {@code serve}, {@code token}
 * and {@code admin} alike. The data source is chosen here, by configuration, in {@link #dataSources}.
 */
final class Wiring {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());
    static final Clock SYSTEM_CLOCK = Instant::now;
    /** How stale "last used" may be; at most one write per token per interval. */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);
    /** How long a sign-in to the settings page lasts. */
    static final Duration ADMIN_SESSION_LENGTH = Duration.ofHours(8);

    private final TokenDatabase tokens;
    private final SecretHasher hasher = new Sha256SecretHasher();
    private final SecretGenerator generator = new SecureRandomSecretGenerator();

    /** Over the token database, which the caller opened and closes. */
    Wiring(TokenDatabase tokens) {
        this.tokens = tokens;
    }

    /**
     * The three data ports, from one source, and the state of each service's gRPC channel for readiness (none in
     * memory).
     */
    record DataSources(IssueSource issues, SignalSource signals, InsightSource insights,
                       Supplier<Map<String, String>> channelStates) {
    }

    /**
     * The data ports of the configured {@link DataSource}. What they hold open (a channel, the bundled backend) is
     * added to {@code resources}, to be closed by the caller in reverse order. The gRPC calls are traced by
     * {@code tracing}.
     */
    static DataSources dataSources(ServerSettings settings, List<AutoCloseable> resources, Tracing tracing) {
        return switch (settings.dataSource()) {
            case GRPC -> grpc(settings, resources, tracing);
            case IN_MEMORY -> inMemory();
        };
    }

    McpUseCases mcpUseCases(DataSources data, UsageWriteFailures usageWriteFailures) {
        return new McpUseCases(
                new AuthenticateTokenService(tokens.tokenStore(), hasher, SYSTEM_CLOCK, LAST_USED_INTERVAL,
                        usageWriteFailures),
                new ListIssuesService(data.issues()),
                new GetIssueService(data.issues()),
                new ListSignalsService(data.signals()),
                new GetSignalService(data.signals()),
                new ListInsightsService(data.insights(), SYSTEM_CLOCK),
                new GetInsightService(data.insights()),
                new SummarizeIssuesService(data.issues(), SYSTEM_CLOCK),
                new SummarizeInsightsService(data.insights(), SYSTEM_CLOCK));
    }

    AdminUseCases adminUseCases() {
        return new AdminUseCases(
                new StartAdminSessionService(tokens.adminStore(), generator, hasher, SYSTEM_CLOCK, ADMIN_SESSION_LENGTH),
                new AuthenticateAdminSessionService(tokens.adminStore(), hasher, SYSTEM_CLOCK),
                new EndAdminSessionService(tokens.adminStore(), hasher),
                createToken(),
                listTokens(),
                revokeToken());
    }

    CreateToken createToken() {
        return new CreateTokenService(tokens.tokenStore(), generator, hasher, SYSTEM_CLOCK);
    }

    ListTokens listTokens() {
        return new ListTokensService(tokens.tokenStore(), tokens.grantStore());
    }

    RevokeToken revokeToken() {
        return new RevokeTokenService(tokens.tokenStore(), tokens.grantStore(), SYSTEM_CLOCK);
    }

    /** The authorization server's endpoints and its consent page, over the same token database. */
    HttpService[] oauthServices(AdminUseCases admin, AdminHttpConfig adminConfig, URI publicBaseUrl, String mcpUrl,
                                OAuthOptions options) {
        return OAuthWiring.services(tokens, generator, hasher, SYSTEM_CLOCK, admin, adminConfig, publicBaseUrl, mcpUrl,
                options);
    }

    CreateAdminKey createAdminKey() {
        return new CreateAdminKeyService(tokens.adminStore(), generator, hasher, SYSTEM_CLOCK);
    }

    /** The gRPC gateway to each service's target, or to the bundled sample backend started on loopback. */
    private static DataSources grpc(ServerSettings settings, List<AutoCloseable> resources, Tracing tracing) {
        DataServices data = DataServices.open(settings.dataEndpoints(), tracing);
        resources.add(data);
        return new DataSources(data.issues(), data.signals(), data.insights(), data::channelStates);
    }

    /** The bundled dataset in this process, its relative times resolved against now. */
    private static DataSources inMemory() {
        BundledDataset dataset = BundledDataset.load(Instant.now());
        LOG.info("Serving the bundled dataset from memory");
        return new DataSources(new MemoryIssueSource(dataset), new MemorySignalSource(dataset),
                new MemoryInsightSource(dataset), Map::of);
    }
}
