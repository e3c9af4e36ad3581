package com.lucenthq.mcp.bootstrap;

import static com.lucenthq.mcp.bootstrap.ArchitectureRules.BASE;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The hexagon's rules ({@link ArchitectureRules}), checked on the production classes of every module. Each rule names
 * real packages, and {@code failOnEmptyShould} stays on, so a rule that matches nothing fails too;
 * {@link ArchitectureRulesFailTest} shows each one failing on a class that breaks it.
 */
@AnalyzeClasses(packages = BASE, importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rings = ArchitectureRules.rings(BASE);

    @ArchTest
    static final ArchRule domainIsPureJava = ArchitectureRules.domainIsPureJava(BASE);

    @ArchTest
    static final ArchRule applicationKnowsOnlyTheDomain = ArchitectureRules.applicationKnowsOnlyTheDomain(BASE);

    @ArchTest
    static final ArchRule coreNamesNoFramework = ArchitectureRules.coreNamesNoFramework(BASE);

    @ArchTest
    static final ArchRule adaptersAreIsolated = ArchitectureRules.adaptersAreIsolated(BASE);

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = ArchitectureRules.domainPackagesAreFreeOfCycles(BASE);

    @ArchTest
    static final ArchRule grpcOnlyInTheGatewayAndBackend = ArchitectureRules.grpcOnlyInTheGatewayAndBackend(BASE);

    @ArchTest
    static final ArchRule jdbcOnlyInTheTokenStore = ArchitectureRules.jdbcOnlyInTheTokenStore(BASE);

    @ArchTest
    static final ArchRule bouncyCastleOnlyInCrypto = ArchitectureRules.bouncyCastleOnlyInCrypto(BASE);

    @ArchTest
    static final ArchRule openTelemetryOnlyInBootstrap = ArchitectureRules.openTelemetryOnlyInBootstrap(BASE);

    @ArchTest
    static final ArchRule helidonOnlyInHttpAdaptersAndBootstrap = ArchitectureRules.helidonOnlyInHttpAdaptersAndBootstrap(BASE);

    @ArchTest
    static final ArchRule sampleBackendStaysOutsideTheHexagon = ArchitectureRules.sampleBackendStaysOutsideTheHexagon(BASE);

    @ArchTest
    static final ArchRule everySourceMethodTakesTheOrgFirst = ArchitectureRules.everySourceMethodTakesTheOrgFirst(BASE);

    @ArchTest
    static final ArchRule everyQueryUseCaseTakesThePrincipalFirst =
            ArchitectureRules.everyQueryUseCaseTakesThePrincipalFirst(BASE);

    @ArchTest
    static final ArchRule mcpAdapterUsesOnlyItsInboundPorts = ArchitectureRules.mcpAdapterUsesOnlyItsInboundPorts(BASE);

    @ArchTest
    static final ArchRule noInboundAdapterTouchesTheOutPorts = ArchitectureRules.noInboundAdapterTouchesTheOutPorts(BASE);

    @ArchTest
    static final ArchRule mcpSideReachesNoStoreWrite = ArchitectureRules.mcpSideReachesNoStoreWrite(BASE);

    @ArchTest
    static final ArchRule inPortsAreSplitByFeature = ArchitectureRules.inPortsAreSplitByFeature(BASE);

    @ArchTest
    static final ArchRule useCasesAreImplementedByServicesOfTheirFeature =
            ArchitectureRules.useCasesAreImplementedByServicesOfTheirFeature(BASE);

    @ArchTest
    static final ArchRule adminSideCannotQueryOrgData = ArchitectureRules.adminSideCannotQueryOrgData(BASE);

    @ArchTest
    static final ArchRule oauthSideCannotQueryOrgData = ArchitectureRules.oauthSideCannotQueryOrgData(BASE);

    @ArchTest
    static final ArchRule portsAreInterfaces = ArchitectureRules.portsAreInterfaces(BASE);

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCli = ArchitectureRules.noStandardStreamsOutsideTheCli(BASE);

    @ArchTest
    static final ArchRule noGenericExceptions = ArchitectureRules.noGenericExceptions(BASE);

    /** Skips test classes, also those packaged in test-jars such as the application's fakes and contracts. */
    static final class ProductionClassesOnly implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");
        private final ImportOption tests = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return tests.includes(location) && !location.matches(TEST_JAR);
        }
    }
}
