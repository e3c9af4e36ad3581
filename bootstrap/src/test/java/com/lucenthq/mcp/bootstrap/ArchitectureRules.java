package com.lucenthq.mcp.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.lucenthq.mcp.application.port.in.token.AuthenticateToken;
import com.lucenthq.mcp.application.port.in.token.AuthenticationResult;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.oauth.OAuthScope;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.token.TokenId;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hexagon's rules, each made for a root package: {@link ArchitectureTest} checks them on the production classes
 * under {@value #BASE}, and {@link ArchitectureRulesFailTest} on the violating classes of the test-only fixture
 * package, to show that every rule can fail. The subjects of a rule are found under its root; what the rules protect
 * (the real ports, the real principal) is named by class, so a fixture breaks exactly the rule it is meant to break.
 */
final class ArchitectureRules {

    static final String BASE = "com.lucenthq.mcp";
    private static final String[] FRAMEWORKS = {"io.helidon..", "io.grpc..", "com.google.protobuf..",
            "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "org.bouncycastle..", "com.zaxxer..",
            "org.flywaydb..", "org.h2..", "org.postgresql..", "picocli..", BASE + ".proto.."};
    /**
     * The domain packages the MCP adapter may use: values, queries, pages, the tool catalogue. Not {@code domain.port}
     * (stores and data sources) and not {@code domain.admin}; of {@code domain.token}, only {@link #MCP_TOKEN_TYPES}.
     */
    private static final String[] MCP_DOMAIN_PACKAGES = {BASE + ".domain", BASE + ".domain.org", BASE + ".domain.issue",
            BASE + ".domain.detail",
            BASE + ".domain.signal", BASE + ".domain.insight", BASE + ".domain.page", BASE + ".domain.tool"};
    private static final Class<?>[] MCP_TOKEN_TYPES = {Principal.class, TokenId.class, OAuthScope.class};
    /** The inbound ports of the MCP adapter besides the queries: authentication and its result. */
    private static final Class<?>[] MCP_AUTHENTICATION_PORTS = {AuthenticateToken.class, AuthenticationResult.class};
    /**
     * What may run on the MCP side's behalf in the stores: look a token up by its hash, and stamp its "last used"
     * time. Nothing that creates, revokes or deletes, nothing of the admin side.
     */
    private static final Map<Class<?>, Set<String>> STORE_CALLS_ALLOWED_FROM_MCP = Map.of(
            TokenStore.class, Set.of("findByHash", "recordUsage"),
            AdminStore.class, Set.of());

    private ArchitectureRules() {
    }

    static ArchRule rings(String root) {
        return layeredArchitecture().consideringAllDependencies()
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Adapters").definedBy(root + ".adapters..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
                .ensureAllClassesAreContainedInArchitectureIgnoring(root + ".proto..", root + ".samplebackend..");
    }

    static ArchRule domainIsPureJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", BASE + ".domain..", "java..")
                .because("the domain knows no framework");
    }

    static ArchRule applicationKnowsOnlyTheDomain(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..",
                        BASE + ".application..", BASE + ".domain..", "java..")
                .because("use cases know no framework");
    }

    static ArchRule coreNamesNoFramework(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
    }

    /** A new adapter module is a new slice: picked up without editing this rule. */
    static ArchRule adaptersAreIsolated(String root) {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther();
    }

    /** The domain's packages (issue, insight, signal, …) form no cycle, so each can be read on its own. */
    static ArchRule domainPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".domain.(*)..").should().beFreeOfCycles();
    }

    static ArchRule grpcOnlyInTheGatewayAndBackend(String root) {
        return noClasses()
                .that().resideOutsideOfPackages(root + ".adapters.grpc..", root + ".samplebackend..", root + ".proto..",
                        root + ".bootstrap..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..", BASE + ".proto..");
    }

    static ArchRule jdbcOnlyInTheTokenStore(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapters.jdbc..").and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..");
    }

    static ArchRule bouncyCastleOnlyInCrypto(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapters.crypto..").and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");
    }

    /**
     * OpenTelemetry in bootstrap only: the core knows nothing of tracing, and the MCP adapter traces through its own
     * small hook ({@code McpTracing}), which bootstrap implements.
     */
    static ArchRule openTelemetryOnlyInBootstrap(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..");
    }

    /** Helidon in the HTTP adapters (every {@code adapters.*} module that serves HTTP) and bootstrap only. */
    static ArchRule helidonOnlyInHttpAdaptersAndBootstrap(String root) {
        return noClasses()
                .that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".adapters.mcp..", root + ".adapters.admin..",
                        root + ".adapters.oauth..", root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.helidon..");
    }

    static ArchRule sampleBackendStaysOutsideTheHexagon(String root) {
        return noClasses().that().resideInAPackage(root + ".samplebackend..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".domain..", BASE + ".application..",
                        BASE + ".adapters..", BASE + ".bootstrap..", root + ".domain..", root + ".application..",
                        root + ".adapters..", root + ".bootstrap..");
    }

    static ArchRule everySourceMethodTakesTheOrgFirst(String root) {
        return methods()
                .that().areDeclaredInClassesThat().resideInAPackage(root + ".domain.port..")
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Source")
                .should(haveFirstParameter(OrgId.class))
                .because("no query may run without an org");
    }

    /** Whatever the use case is called: the package {@code port.in.query} decides, not a prefix of the name. */
    static ArchRule everyQueryUseCaseTakesThePrincipalFirst(String root) {
        return methods()
                .that().areDeclaredInClassesThat().resideInAPackage(root + ".application.port.in.query..")
                .and().areDeclaredInClassesThat().areInterfaces()
                .should(haveFirstParameter(Principal.class))
                .because("a query's org comes from the authenticated principal and nowhere else");
    }

    /**
     * An allow-list: the MCP adapter uses its read-only query use cases and {@code AuthenticateToken}, the domain
     * values they take and give, and libraries. Anything else of ours (a store, a data source, an admin type, a
     * token-writing use case, generated protos) fails the build.
     */
    static ArchRule mcpAdapterUsesOnlyItsInboundPorts(String root) {
        return classes().that().resideInAPackage(root + ".adapters.mcp..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(BASE + "..")
                        .or(resideInAPackage(root + ".adapters.mcp.."))
                        .or(resideInAPackage(BASE + ".application.port.in.query.."))
                        .or(belongToAnyOf(MCP_AUTHENTICATION_PORTS))
                        .or(resideInAnyPackage(MCP_DOMAIN_PACKAGES))
                        .or(belongToAnyOf(MCP_TOKEN_TYPES))
                        .as("its own classes, libraries, port.in.query, AuthenticateToken and the domain's values"))
                .because("the MCP side is read-only and takes the org from the token only");
    }

    /**
     * An inbound adapter (one that calls use cases of {@code port.in}) reaches the out-ports only through them. Every
     * {@code adapters.*} module is judged, so a new one is covered without editing this rule.
     */
    static ArchRule noInboundAdapterTouchesTheOutPorts(String root) {
        return classes().that().resideInAPackage(root + ".adapters..")
                .should(new ArchCondition<JavaClass>("not depend on domain.port when in an inbound adapter") {
                    private final Set<String> inbound = new HashSet<>();

                    @Override
                    public void init(Collection<JavaClass> all) {
                        for (JavaClass type : all) {
                            if (type.getDirectDependenciesFromSelf().stream().anyMatch(dependency ->
                                    dependency.getTargetClass().getPackageName().startsWith(BASE + ".application.port.in"))) {
                                inbound.add(adapter(root, type));
                            }
                        }
                    }

                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!inbound.contains(adapter(root, type))) {
                            return;
                        }
                        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                            if (dependency.getTargetClass().getPackageName().startsWith(BASE + ".domain.port")) {
                                events.add(SimpleConditionEvent.violated(dependency, "inbound adapter "
                                        + adapter(root, type) + ": " + dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a driving adapter calls use cases; the use cases call the stores and data sources");
    }

    /**
     * Follows everything the MCP adapter reaches — its dependencies, and the implementations of each use case it
     * calls, transitively — and allows only {@link #STORE_CALLS_ALLOWED_FROM_MCP} among the calls into the stores.
     */
    static ArchRule mcpSideReachesNoStoreWrite(String root) {
        return classes().that().resideInAPackage(root + ".adapters.mcp..")
                .should(new ArchCondition<JavaClass>("reach no store method but " + STORE_CALLS_ALLOWED_FROM_MCP) {
                    private final Map<JavaClass, String> reportedFrom = new HashMap<>();

                    @Override
                    public void check(JavaClass start, ConditionEvents events) {
                        Deque<JavaClass> pending = new ArrayDeque<>(List.of(start));
                        Set<JavaClass> seen = new HashSet<>();
                        while (!pending.isEmpty()) {
                            JavaClass type = pending.pop();
                            if (!seen.add(type)) {
                                continue;
                            }
                            checkStoreCalls(start, type, events);
                            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                                JavaClass target = dependency.getTargetClass();
                                if (target.getPackageName().startsWith(BASE)) {
                                    pending.push(target);
                                }
                            }
                            if (type.isInterface() && type.getPackageName().contains(".application.port.in")) {
                                pending.addAll(type.getAllSubclasses());
                            }
                        }
                    }

                    private void checkStoreCalls(JavaClass start, JavaClass type, ConditionEvents events) {
                        if (reportedFrom.putIfAbsent(type, start.getName()) != null) {
                            return; // its calls were judged when another MCP class reached it
                        }
                        for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                            STORE_CALLS_ALLOWED_FROM_MCP.forEach((store, allowed) -> {
                                if (access.getTargetOwner().isEquivalentTo(store)
                                        && !allowed.contains(access.getTarget().getName())) {
                                    events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                            + ", reachable from " + start.getName()));
                                }
                            });
                        }
                    }
                })
                .because("the MCP side has no write path: it may look a token up and stamp its last use, nothing more");
    }

    /** Use cases are grouped by feature: {@code port.in.query}, {@code port.in.token}, {@code port.in.admin}, … */
    static ArchRule inPortsAreSplitByFeature(String root) {
        return classes().that().resideInAPackage(root + ".application.port.in..")
                .should().resideInAPackage(root + ".application.port.in.*")
                .because("each feature's use cases have a package of their own, never port.in itself");
    }

    /** {@code application.<feature>.XService} implements a use case of {@code port.in.<feature>}. */
    static ArchRule useCasesAreImplementedByServicesOfTheirFeature(String root) {
        return classes()
                .that().resideInAPackage(root + ".application..")
                .and().resideOutsideOfPackage(root + ".application.port..")
                .and().arePublic()
                .should().haveSimpleNameEndingWith("Service")
                .andShould(new ArchCondition<JavaClass>("implement a use case of port.in of the same feature") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        String feature = type.getPackageName().substring((root + ".application.").length());
                        boolean implementsOwn = type.getAllRawInterfaces().stream().anyMatch(port ->
                                port.getPackageName().equals(root + ".application.port.in." + feature));
                        events.add(new SimpleConditionEvent(type, implementsOwn, type.getName()
                                + (implementsOwn ? " implements" : " implements no") + " use case of port.in." + feature));
                    }
                });
    }

    static ArchRule adminSideCannotQueryOrgData(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.admin..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.port.in.query..",
                        BASE + ".application.query..", BASE + ".domain.issue..", BASE + ".domain.signal..",
                        BASE + ".domain.insight..")
                .because("the settings page manages tokens; it reads no org data");
    }

    static ArchRule oauthSideCannotQueryOrgData(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.oauth..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".application.port.in.query..",
                        BASE + ".application.query..", BASE + ".domain.issue..", BASE + ".domain.signal..",
                        BASE + ".domain.insight..")
                .because("the authorization server issues tokens; it reads no org data");
    }

    static ArchRule portsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".domain.port..")
                .and().haveSimpleNameNotEndingWith("Exception")
                .should().beInterfaces();
    }

    static ArchRule noStandardStreamsOutsideTheCli(String root) {
        return noClasses()
                .that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".bootstrap..")
                .and().doNotHaveFullyQualifiedName(root + ".samplebackend.SampleBackendMain")
                .should(ACCESS_STANDARD_STREAMS)
                .because("output goes through logging; only the command line prints");
    }

    static ArchRule noGenericExceptions(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".proto..")
                .should(THROW_GENERIC_EXCEPTIONS);
    }

    /** The adapter module a class of {@code root.adapters} belongs to: the package segment after {@code adapters}. */
    private static String adapter(String root, JavaClass type) {
        String rest = type.getPackageName().substring((root + ".adapters.").length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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
