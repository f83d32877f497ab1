package pe.telco.orders.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

/**
 * The boundaries STYLE.md and DESIGN.md promise: Drools stays in the engine; the engine is pure rules code; the
 * evaluation and ruleset features meet only through the engine; no two features depend on each other in a circle.
 */
@AnalyzeClasses(packages = "pe.telco.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    private static final String FEATURES = "pe.telco.orders.";

    @ArchTest
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that().resideOutsideOfPackages("pe.telco.orders.engine..", "pe.telco.orders.evaluation.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule theEngineIsPureRulesCode = noClasses()
            .that().resideInAPackage("pe.telco.orders.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                    "jakarta.persistence..", "jakarta.transaction..", "jakarta.ws.rs..", "io.quarkus..",
                    "io.agroal..", "java.sql..", "org.hibernate..")
            .orShould().dependOnClassesThat().resideInAnyPackage("pe.telco.orders.evaluation",
                    "pe.telco.orders.evaluation.explain..", "pe.telco.orders.ruleset..");

    @ArchTest
    static final ArchRule evaluationDoesNotKnowRuleStorage = noClasses()
            .that().resideInAPackage("pe.telco.orders.evaluation..")
            .should().dependOnClassesThat().resideInAPackage("pe.telco.orders.ruleset..");

    @ArchTest
    static final ArchRule rulesetDoesNotKnowEvaluations = noClasses()
            .that().resideInAPackage("pe.telco.orders.ruleset..")
            .should().dependOnClassesThat().resideInAnyPackage("pe.telco.orders.evaluation",
                    "pe.telco.orders.evaluation.explain..");

    /** Features are the first package under pe.telco.orders; the frozen facts are a slice of their own (a leaf). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(FEATURES)) {
                return SliceIdentifier.ignore();
            }
            if (name.startsWith(FEATURES + "evaluation.facts")) {
                return SliceIdentifier.of("facts");
            }
            return SliceIdentifier.of(featureOf(javaClass));
        }

        @Override
        public String getDescription() {
            return "features of pe.telco.orders (evaluation.facts apart)";
        }
    }).should().beFreeOfCycles();

    /** Features talk to each other through services; a repository is its own feature's business. */
    @ArchTest
    static final ArchRule noFeatureUsesAnotherFeaturesRepository = classes()
            .that().resideInAPackage("pe.telco.orders..")
            .should(new ArchCondition<>("use only their own feature's repositories") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (target.getSimpleName().endsWith("Repository") && target.getPackageName().startsWith(FEATURES)
                                && !featureOf(target).equals(featureOf(origin))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    private static String featureOf(JavaClass javaClass) {
        String feature = javaClass.getPackageName().substring(FEATURES.length());
        int dot = feature.indexOf('.');
        return dot < 0 ? feature : feature.substring(0, dot);
    }

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that().resideInAPackage("pe.telco.orders.common..")
            .should().dependOnClassesThat().resideInAnyPackage("pe.telco.orders.order..",
                    "pe.telco.orders.evaluation..", "pe.telco.orders.ruleset..", "pe.telco.orders.catalog..",
                    "pe.telco.orders.customer..", "pe.telco.orders.engine..");

    @ArchTest
    static final ArchRule factsAreNotEntities = noClasses()
            .that().resideInAPackage("pe.telco.orders.evaluation.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "pe.telco.orders.order..",
                    "pe.telco.orders.engine..");

    @ArchTest
    static final ArchRule resourcesNeverReturnEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
            .and().arePublic()
            .should(new ArchCondition<>("return no entity, not even inside a collection or wrapper") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                        if (type.isAnnotatedWith(Entity.class)) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " returns the entity " + type.getName()));
                        }
                    }
                }
            });
}
