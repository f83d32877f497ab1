package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.evaluation.facts.FulfilmentItem;
import pe.telco.orders.fulfilment.FulfilmentPlanner;

/** The work each released item needs, from the real fulfilment.drl.xlsx, and that it never disturbs an evaluation. */
class FulfilmentTableTest {

    private static FulfilmentItem plan(String kind, String category, String delivery) {
        FulfilmentItem item = new FulfilmentItem(1, "X", kind, category, delivery);
        FulfilmentPlanner.plan(RealRules.compiled(), List.of(item));
        return item;
    }

    @Test
    void aPhoneForHomeDeliveryIsShippedWithinAWindow() {
        FulfilmentItem item = plan("DEVICE", "SMARTPHONE", "HOME_DELIVERY");
        assertThat(item.getWork()).isEqualTo("SHIPMENT");
        assertThat(item.getRuleId()).isEqualTo("FUL-020");
        assertThat(item.getLeadDays()).isEqualTo(1);
        assertThat(item.getWindowDays()).isEqualTo(3);
    }

    @Test
    void aPhoneForStorePickupIsSetAsideAtTheStore() {
        FulfilmentItem item = plan("DEVICE", "SMARTPHONE", "STORE_PICKUP");
        assertThat(item.getWork()).isEqualTo("SHIPMENT");
        assertThat(item.getRuleId()).isEqualTo("FUL-010");
    }

    @Test
    void fibreHfcFixedAndTvNeedAnInstallationWithAFee() {
        for (String category : List.of("FIBER_INTERNET", "HFC_INTERNET", "FIXED_LINE", "TV")) {
            FulfilmentItem item = plan("SERVICE", category, "HOME_DELIVERY");
            assertThat(item.getWork()).as(category).isEqualTo("INSTALLATION");
            assertThat(item.getInstallationFee()).as(category).isGreaterThan(BigDecimal.ZERO);
            assertThat(item.getSlot()).as(category).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
        }
        assertThat(plan("SERVICE", "FIBER_INTERNET", null).getInstallationFee()).isEqualByComparingTo("99.00");
    }

    @Test
    void mobileLinesAreActivatedTheSameDayWithoutFee() {
        for (String category : List.of("MOBILE_POSTPAID", "MOBILE_PREPAID")) {
            FulfilmentItem item = plan("SERVICE", category, "STORE_PICKUP");
            assertThat(item.getWork()).as(category).isEqualTo("ACTIVATION");
            assertThat(item.getLeadDays()).isZero();
            assertThat(item.getInstallationFee()).isEqualByComparingTo("0");
            assertThat(item.getRuleId()).isEqualTo("FUL-070");
        }
    }

    @Test
    void anItemNoRowCoversStaysUnplanned() {
        assertThat(plan("DEVICE", "TABLET", "HOME_DELIVERY").isPlanned()).isFalse();
    }

    @Test
    void anEvaluationFiresNoFulfilmentRule() {
        EvaluationResult result = RealRules.evaluate(Orders.fibre("FIBER-300", 300).facts());
        assertThat(result.decision()).isEqualTo(Decision.RELEASED);
        assertThat(Outcomes.fired(result)).noneMatch(id -> id.startsWith("FUL-"));
    }
}
