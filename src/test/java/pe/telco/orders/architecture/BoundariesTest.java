package pe.telco.orders.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
