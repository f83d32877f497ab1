package pe.telco.orders.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

/** The boundaries STYLE.md promises: Drools stays in evaluation and ruleset; resources never hand out entities. */
@AnalyzeClasses(packages = "pe.telco.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    @ArchTest
    static final ArchRule onlyEvaluationAndRulesetTouchDrools = noClasses()
            .that().resideOutsideOfPackages("pe.telco.orders.evaluation..", "pe.telco.orders.ruleset..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that().resideInAPackage("pe.telco.orders.common..")
            .should().dependOnClassesThat().resideInAnyPackage("pe.telco.orders.order..",
                    "pe.telco.orders.evaluation..", "pe.telco.orders.ruleset..", "pe.telco.orders.catalog..",
                    "pe.telco.orders.customer..");

    @ArchTest
    static final ArchRule factsAreNotEntities = noClasses()
            .that().resideInAPackage("pe.telco.orders.evaluation.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "pe.telco.orders.order..");

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
