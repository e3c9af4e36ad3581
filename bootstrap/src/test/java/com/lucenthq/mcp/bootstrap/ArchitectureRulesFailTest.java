package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of {@link ArchitectureRules}, pointed at the test-only fixture root {@value #FIXTURE}, fails, and its
 * report names the fixture class that breaks it: a rule that cannot fail proves nothing.
 */
class ArchitectureRulesFailTest {

    private static final String FIXTURE = "com.lucenthq.mcp.bootstrap.archfixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    private record Probe(String rule, Function<String, ArchRule> factory, List<String> violators) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("rings", ArchitectureRules::rings, List.of("domain.ReachesAnAdapter")),
            new Probe("domainIsPureJava", ArchitectureRules::domainIsPureJava, List.of("domain.UsesJackson")),
            new Probe("applicationKnowsOnlyTheDomain", ArchitectureRules::applicationKnowsOnlyTheDomain,
                    List.of("application.token.UsesFrameworks")),
            new Probe("coreNamesNoFramework", ArchitectureRules::coreNamesNoFramework,
                    List.of("domain.UsesJackson", "application.token.UsesFrameworks")),
            new Probe("adaptersAreIsolated", ArchitectureRules::adaptersAreIsolated, List.of("adapters.mcp.UsesAdminAdapter")),
            new Probe("domainPackagesAreFreeOfCycles", ArchitectureRules::domainPackagesAreFreeOfCycles,
                    List.of("domain.issue.IssueLike", "domain.insight.InsightLike")),
            new Probe("grpcOnlyInTheGatewayAndBackend", ArchitectureRules::grpcOnlyInTheGatewayAndBackend,
                    List.of("adapters.mcp.UsesGrpc")),
            new Probe("jdbcOnlyInTheTokenStore", ArchitectureRules::jdbcOnlyInTheTokenStore,
                    List.of("adapters.mcp.UsesJdbc", "application.token.UsesFrameworks")),
            new Probe("bouncyCastleOnlyInCrypto", ArchitectureRules::bouncyCastleOnlyInCrypto,
                    List.of("adapters.mcp.UsesBouncyCastle")),
            new Probe("openTelemetryOnlyInBootstrap", ArchitectureRules::openTelemetryOnlyInBootstrap,
                    List.of("adapters.mcp.UsesOpenTelemetry")),
            new Probe("helidonOnlyInHttpAdaptersAndBootstrap", ArchitectureRules::helidonOnlyInHttpAdaptersAndBootstrap,
                    List.of("adapters.grpc.UsesHelidon")),
            new Probe("sampleBackendStaysOutsideTheHexagon", ArchitectureRules::sampleBackendStaysOutsideTheHexagon,
                    List.of("samplebackend.UsesDomain")),
            new Probe("everySourceMethodTakesTheOrgFirst", ArchitectureRules::everySourceMethodTakesTheOrgFirst,
                    List.of("domain.port.LeakySource")),
            new Probe("everyQueryUseCaseTakesThePrincipalFirst", ArchitectureRules::everyQueryUseCaseTakesThePrincipalFirst,
                    List.of("application.port.in.query.SearchIssues")),
            new Probe("mcpAdapterUsesOnlyItsInboundPorts", ArchitectureRules::mcpAdapterUsesOnlyItsInboundPorts,
                    List.of("adapters.mcp.HoldsAdminStore", "adapters.mcp.StartsAdminSession",
                            "adapters.mcp.HoldsIssueSource", "adapters.mcp.RevokesToken", "adapters.mcp.ParsesAdminKey",
                            "adapters.mcp.CreatesToken")),
            new Probe("noInboundAdapterTouchesTheOutPorts", ArchitectureRules::noInboundAdapterTouchesTheOutPorts,
                    List.of("adapters.mcp.HoldsIssueSource", "adapters.mcp.RevokesToken",
                            "adapters.console.ConsoleCommand")),
            new Probe("mcpSideReachesNoStoreWrite", ArchitectureRules::mcpSideReachesNoStoreWrite,
                    List.of("adapters.mcp.RevokesToken", "application.token.ForgetTokenService")),
            new Probe("inPortsAreSplitByFeature", ArchitectureRules::inPortsAreSplitByFeature,
                    List.of("application.port.in.Loose")),
            new Probe("useCasesAreImplementedByServicesOfTheirFeature",
                    ArchitectureRules::useCasesAreImplementedByServicesOfTheirFeature,
                    List.of("application.query.MisfiledService")),
            new Probe("adminSideCannotQueryOrgData", ArchitectureRules::adminSideCannotQueryOrgData,
                    List.of("adapters.admin.QueriesIssues")),
            new Probe("oauthSideCannotQueryOrgData", ArchitectureRules::oauthSideCannotQueryOrgData,
                    List.of("adapters.oauth.QueriesIssues")),
            new Probe("portsAreInterfaces", ArchitectureRules::portsAreInterfaces, List.of("domain.port.ConcreteStore")),
            new Probe("noStandardStreamsOutsideTheCli", ArchitectureRules::noStandardStreamsOutsideTheCli,
                    List.of("adapters.mcp.Prints")),
            new Probe("noGenericExceptions", ArchitectureRules::noGenericExceptions, List.of("adapters.mcp.ThrowsGeneric")));

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnTheFixturesThatBreakIt() {
        return PROBES.stream().map(probe -> DynamicTest.dynamicTest(probe.rule(), () -> {
            List<String> details = probe.factory().apply(FIXTURE).evaluate(FIXTURES).getFailureReport().getDetails();
            for (String violator : probe.violators()) {
                String name = FIXTURE + "." + violator;
                assertTrue(details.stream().anyMatch(detail -> detail.contains(name + ".")
                        || detail.contains(name + ">") || detail.contains(name + " ") || detail.contains(name + "$")),
                        probe.rule() + " does not report " + name + ": " + details);
            }
        }));
    }

    @Test
    void everyRuleOfTheArchitectureTestHasAFailingFixture() {
        List<String> checked = PROBES.stream().map(Probe::rule).toList();
        List<String> declared = Stream.of(ArchitectureTest.class.getDeclaredFields())
                .filter(field -> field.getType() == ArchRule.class).map(java.lang.reflect.Field::getName).toList();
        assertTrue(checked.containsAll(declared) && declared.containsAll(checked),
                "rules " + declared + " and probes " + checked + " differ");
    }

    @Test
    void theMcpRulesLeaveAnOAuthAdapterFreeToIssueTokens() {
        String oauth = FIXTURE + ".adapters.oauth.IssuesTokens";
        for (Function<String, ArchRule> rule : List.<Function<String, ArchRule>>of(
                ArchitectureRules::mcpAdapterUsesOnlyItsInboundPorts, ArchitectureRules::mcpSideReachesNoStoreWrite,
                ArchitectureRules::noInboundAdapterTouchesTheOutPorts)) {
            EvaluationResult result = rule.apply(FIXTURE).evaluate(FIXTURES);
            assertFalse(result.getFailureReport().getDetails().stream().anyMatch(detail -> detail.contains(oauth)),
                    result.getFailureReport().toString());
        }
    }
}
