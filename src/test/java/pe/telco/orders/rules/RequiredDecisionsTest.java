package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.rules.Orders.PUNTA_HERMOSA;
import static pe.telco.orders.rules.Orders.SAN_ISIDRO;
import static pe.telco.orders.rules.Orders.VILLA_EL_SALVADOR;
import static pe.telco.orders.rules.Outcomes.fired;
import static pe.telco.orders.rules.Outcomes.only;
import static pe.telco.orders.rules.Outcomes.results;

import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Decision;

/** The decisions the business asked for, each on the real rule files. */
class RequiredDecisionsTest {

    @Test
    void releasesACleanFibreOrder() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-300", 300).facts());

        assertThat(result.decision()).isEqualTo(Decision.RELEASED);
        assertThat(result.reasons()).isEmpty();
        assertThat(results(result)).contains("COVERAGE PASS FIBRE_AVAILABLE", "TERMS PASS TERMS_ACCEPTED",
                "COMPATIBILITY PASS NO_CONFLICT", "FINANCIAL_APPROVAL PASS NO_APPROVAL_NEEDED");
        assertThat(fired(result)).contains("CHK-002", "COV-030", "TERMS-010", "COMP-110", "APPR-060", "DEC-003");
    }

    @Test
    void rejectsFibreWhereTheAddressHasNoFibre() {
        EvaluationResult result = RealRules.evaluate(
                Orders.fibre("FIBER-300", 300).at("15311", VILLA_EL_SALVADOR).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        CheckResult coverage = only(result, "COVERAGE");
        assertThat(Outcomes.describe(coverage)).isEqualTo("COVERAGE FAIL NO_FIBRE_AT_ADDRESS");
        assertThat(coverage.getMessage()).contains("15311");
        assertThat(coverage.getRuleId()).isEqualTo("COV-010");
        assertThat(fired(result)).contains("COV-010", "DEC-001").doesNotContain("COV-020", "COV-030");
    }

    @Test
    void rejectsAPlanFasterThanTheFibreAtTheAddressAndSaysWhatIsAvailable() {
        EvaluationResult result = RealRules.evaluate(
                Orders.fibre("FIBER-1000", 1000).at("15001", Orders.CERCADO).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        CheckResult coverage = only(result, "COVERAGE");
        assertThat(Outcomes.describe(coverage)).isEqualTo("COVERAGE FAIL SPEED_NOT_AVAILABLE");
        assertThat(coverage.getMessage()).contains("1000").contains("300");
        assertThat(fired(result)).contains("COV-020");
    }

    @Test
    void rejectsADeviceWithNoStockWhereItMustComeFrom() {
        EvaluationResult result = RealRules.evaluate(Orders.order().phone("PHONE-IP15-128", "4299.00", 0)
                .stockAt("PHONE-IP15-128", "WH-LIMA-NORTE", "WAREHOUSE", 3, 3).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(Outcomes.describe(only(result, "INVENTORY"))).isEqualTo("INVENTORY FAIL OUT_OF_STOCK");
        assertThat(fired(result)).contains("INV-004");
    }

    @Test
    void rejectsFinancingForACustomerWithSubstantialOverdueDebt() {
        EvaluationResult result = RealRules.evaluate(Orders.order().phone("PHONE-A15-128", "899.00", 12)
                .customer("RESIDENTIAL", 700, "850.00", 60).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(Outcomes.describe(only(result, "CREDIT"))).isEqualTo("CREDIT FAIL OVERDUE_DEBT");
        assertThat(fired(result)).contains("CREDIT-010");
    }

    @Test
    void rejectsFinancingForACustomerWithAVeryLowScore() {
        EvaluationResult result = RealRules.evaluate(Orders.order().phone("PHONE-A15-128", "899.00", 12)
                .customer("RESIDENTIAL", 380, "0", 60).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(Outcomes.describe(only(result, "CREDIT"))).isEqualTo("CREDIT FAIL LOW_CREDIT_SCORE");
        assertThat(fired(result)).contains("CREDIT-030");
    }

    @Test
    void holdsABorderlineCreditProfileForReview() {
        EvaluationResult result = RealRules.evaluate(Orders.order().phone("PHONE-A15-128", "899.00", 12)
                .customer("RESIDENTIAL", 560, "0", 60).facts());

        assertThat(result.decision()).isEqualTo(Decision.HELD);
        assertThat(Outcomes.describe(only(result, "CREDIT"))).isEqualTo("CREDIT REVIEW BORDERLINE_CREDIT");
        assertThat(fired(result)).contains("CREDIT-100", "DEC-002");
    }

    @Test
    void rejectsTermsThatAreNotTheCurrentVersion() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-300", 300).acceptedTerms("2025-07").facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        CheckResult terms = result.results().stream().filter(r -> r.getLine() == 0
                && r.getCheck().name().equals("TERMS")).findFirst().orElseThrow();
        assertThat(Outcomes.describe(terms)).isEqualTo("TERMS FAIL TERMS_VERSION_OUTDATED");
        assertThat(terms.getMessage()).contains("2025-07").contains("2026-01");
        assertThat(fired(result)).contains("TERMS-020");
    }

    @Test
    void rejectsASecondFixedInternetAtAnAddressThatAlreadyHasOne() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-600", 600)
                .alreadyHas("FIBER-300", "FIBER_INTERNET", true).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(Outcomes.describe(only(result, "COMPATIBILITY")))
                .isEqualTo("COMPATIBILITY FAIL SECOND_FIXED_INTERNET");
        assertThat(fired(result)).contains("COMP-010");
    }

    @Test
    void holdsALargeFinancedTotalForFinancialApproval() {
        EvaluationResult result = RealRules.evaluate(Orders.order()
                .phone("PHONE-IP15-PRO", "5499.00", 24).facts());

        assertThat(result.decision()).isEqualTo(Decision.HELD);
        assertThat(results(result)).contains("CREDIT PASS GOOD_PAYER",
                "FINANCIAL_APPROVAL REVIEW LARGE_FINANCED_TOTAL");
        assertThat(fired(result)).contains("APPR-010");
    }

    @Test
    void holdsAnInputThatNoTableRowHandles() {
        EvaluationResult result = RealRules.evaluate(Orders.order().phone("PHONE-A15-128", "899.00", 12)
                .customer("BUSINESS", null, "0", 0).facts());

        assertThat(result.decision()).isEqualTo(Decision.HELD);
        assertThat(Outcomes.describe(only(result, "CREDIT"))).isEqualTo("CREDIT REVIEW NO_RULE_MATCHED");
        assertThat(fired(result)).contains("GUARD-001");
    }

    @Test
    void decidesOnlyAfterEveryCheckHasAnswered() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-300", 300).at("15841", PUNTA_HERMOSA)
                .phone("PHONE-A15-128", "899.00", 12).customer("RESIDENTIAL", 560, "0", 60).facts());

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(results(result)).contains("COVERAGE FAIL NO_FIBRE_AT_ADDRESS", "CREDIT REVIEW BORDERLINE_CREDIT");
        java.util.List<String> fired = fired(result);
        assertThat(fired.get(fired.size() - 1)).isEqualTo("DEC-001");
        assertThat(fired.stream().filter(id -> id.startsWith("DEC-")).count()).isEqualTo(1);
    }

    @Test
    void answersEachCheckOncePerItemFirstRowWins() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-300", 300).at("15074", SAN_ISIDRO)
                .service("POSTPAID-49", "MOBILE_POSTPAID", 0, 12).facts());

        assertThat(result.results().stream().filter(r -> r.getCheck().name().equals("COVERAGE"))
                .map(CheckResult::getLine)).containsExactly(1, 2);
        assertThat(fired(result)).contains("COV-140").doesNotContain("COV-150", "COV-160");
    }
}
