package com.lucenthq.mcp.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.lucenthq.mcp.application.port.in.token.CreateToken;
import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.port.in.token.RevokeToken;
import com.lucenthq.mcp.application.token.CreateTokenService;
import com.lucenthq.mcp.application.token.ListTokensService;
import com.lucenthq.mcp.application.token.RevokeTokenService;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.token.Principal;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hexagon's rules, checked on the production classes of every module. Each rule names real
 * packages, and {@code failOnEmptyShould} stays on, so a rule that matches nothing fails too.
 */
@AnalyzeClasses(packages = "com.lucenthq.mcp", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    private static final String BASE = "com.lucenthq.mcp";
    private static final String[] FRAMEWORKS = {"io.helidon..", "io.grpc..", "com.google.protobuf..",
            "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "org.bouncycastle..", "com.zaxxer..",
            "org.flywaydb..", "org.h2..", "org.postgresql..", "picocli..", BASE + ".proto.."};

    @ArchTest
    static final ArchRule rings = layeredArchitecture().consideringAllDependencies()
            .layer("Domain").definedBy(BASE + ".domain..")
            .layer("Application").definedBy(BASE + ".application..")
            .layer("Adapters").definedBy(BASE + ".adapters..")
            .layer("Bootstrap").definedBy(BASE + ".bootstrap..")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
            .ensureAllClassesAreContainedInArchitectureIgnoring(BASE + ".proto..", BASE + ".samplebackend..");

    @ArchTest
    static final ArchRule domainIsPureJava = classes().that().resideInAPackage(BASE + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".domain..", "java..")
            .because("the domain knows no framework");

    @ArchTest
    static final ArchRule applicationKnowsOnlyTheDomain = classes().that().resideInAPackage(BASE + ".application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".application..", BASE + ".domain..", "java..")
            .because("use cases know no framework");

    @ArchTest
    static final ArchRule coreNamesNoFramework = noClasses()
            .that().resideInAnyPackage(BASE + ".domain..", BASE + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule adaptersAreIsolated = slices().matching(BASE + ".adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule grpcOnlyInTheGatewayAndBackend = noClasses()
            .that().resideOutsideOfPackages(BASE + ".adapters.grpc..", BASE + ".samplebackend..", BASE + ".proto..",
                    BASE + ".bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..", BASE + ".proto..");

    @ArchTest
    static final ArchRule jdbcOnlyInTheTokenStore = noClasses()
            .that().resideOutsideOfPackage(BASE + ".adapters.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..",
                    "org.flywaydb..", "org.h2..", "org.postgresql..");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInCrypto = noClasses()
            .that().resideOutsideOfPackage(BASE + ".adapters.crypto..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    @ArchTest
    static final ArchRule helidonOnlyInHttpAdaptersAndBootstrap = noClasses()
            .that().resideOutsideOfPackages(BASE + ".adapters.mcp..", BASE + ".adapters.admin..", BASE + ".adapters.oauth..",
                    BASE + ".bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.helidon..");

    @ArchTest
    static final ArchRule sampleBackendStaysOutsideTheHexagon = noClasses()
            .that().resideInAPackage(BASE + ".samplebackend..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".domain..", BASE + ".application..",
                    BASE + ".adapters..", BASE + ".bootstrap..");

    @ArchTest
    static final ArchRule everySourceMethodTakesTheOrgFirst = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(BASE + ".domain.port..")
            .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Source")
            .should(haveFirstParameter(OrgId.class))
            .because("no query may run without an org");

    @ArchTest
    static final ArchRule everyQueryUseCaseTakesThePrincipalFirst = methods()
            .that().areDeclaredInClassesThat(DescribedPredicate.describe("query use cases of port.in",
                    (JavaClass type) -> type.getPackageName().equals(BASE + ".application.port.in.query") && type.isInterface()
                            && (type.getSimpleName().startsWith("List") || type.getSimpleName().startsWith("Get"))
                            && !type.isEquivalentTo(ListTokens.class)))
            .should(haveFirstParameter(Principal.class))
            .because("a query's org comes from the authenticated principal and nowhere else");

    @ArchTest
    static final ArchRule mcpSideHasNoTokenWritePath = noClasses()
            .that().resideInAPackage(BASE + ".adapters.mcp..")
            .should().dependOnClassesThat().belongToAnyOf(CreateToken.class, RevokeToken.class, ListTokens.class,
                    CreateTokenService.class, RevokeTokenService.class, ListTokensService.class)
            .because("the MCP side is read-only");

    @ArchTest
    static final ArchRule mcpSideCannotReachAdminSessions = noClasses()
            .that().resideInAPackage(BASE + ".adapters.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.admin..", BASE + ".domain.admin..")
            .because("an MCP token can never open the admin side");

    @ArchTest
    static final ArchRule mcpSideIssuesNoOAuthTokens = noClasses()
            .that().resideInAPackage(BASE + ".adapters.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.oauth..",
                    BASE + ".application.port.in.oauth..", BASE + ".adapters.oauth..")
            .because("the MCP side only checks tokens; issuing them is the authorization server's");

    @ArchTest
    static final ArchRule oauthSideCannotQueryOrgData = noClasses()
            .that().resideInAPackage(BASE + ".adapters.oauth..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.query..", BASE + ".application.port.in.query..",
                    BASE + ".domain.issue..", BASE + ".domain.signal..", BASE + ".domain.insight..")
            .because("the authorization server issues tokens; it reads no org data");

    @ArchTest
    static final ArchRule adminSideCannotQueryOrgData = noClasses()
            .that().resideInAPackage(BASE + ".adapters.admin..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.query..", BASE + ".domain.issue..",
                    BASE + ".domain.signal..", BASE + ".domain.insight..")
            .because("the settings page manages tokens; it reads no org data");

    @ArchTest
    static final ArchRule portsAreInterfaces = classes()
            .that().resideInAPackage(BASE + ".domain.port..")
            .and().haveSimpleNameNotEndingWith("Exception")
            .should().beInterfaces();

    @ArchTest
    static final ArchRule useCasesAreInterfacesImplementedByServices = classes()
            .that().resideInAnyPackage(BASE + ".application.query..", BASE + ".application.token..",
                    BASE + ".application.admin..")
            .and().arePublic()
            .should().haveSimpleNameEndingWith("Service")
            .andShould().implement(DescribedPredicate.describe("a use case of port.in",
                    (JavaClass type) -> type.getPackageName().startsWith(BASE + ".application.port.in.")));

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCli = noClasses()
            .that().resideOutsideOfPackage(BASE + ".bootstrap..")
            .and().doNotHaveFullyQualifiedName(BASE + ".samplebackend.SampleBackendMain")
            .should(ACCESS_STANDARD_STREAMS)
            .because("output goes through logging; only the command line prints");

    @ArchTest
    static final ArchRule noGenericExceptions = noClasses()
            .that().resideOutsideOfPackage(BASE + ".proto..")
            .should(THROW_GENERIC_EXCEPTIONS);

    /** Skips test classes, also those packaged in test-jars such as the application's fakes and contracts. */
    static final class ProductionClassesOnly implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");
        private final ImportOption tests = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return tests.includes(location) && !location.matches(TEST_JAR);
        }
    }

    private static ArchCondition<JavaMethod> haveFirstParameter(Class<?> type) {
        return new ArchCondition<>("take a " + type.getSimpleName() + " as first parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> parameters = method.getRawParameterTypes();
                boolean satisfied = !parameters.isEmpty() && parameters.getFirst().isEquivalentTo(type);
                events.add(new SimpleConditionEvent(method, satisfied,
                        method.getFullName() + (satisfied ? " takes " : " does not take ") + type.getSimpleName() + " first"));
            }
        };
    }
}
