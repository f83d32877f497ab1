package pe.telco.orders.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.telco.orders.billing.InvoiceState;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.common.StateMachine;

/**
 * Every state × every action of the shipment, work order and invoice machines, against the tables written out
 * here as the business describes them: allowed actions lead to the expected state, all others are a conflict that
 * names the current state and what it allows.
 */
class StateMachinesTest {

    private static final Map<String, String> SHIPMENT = Map.of(
            "PREPARED", "dispatch>DISPATCHED cancel>CANCELLED",
            "DISPATCHED", "delivery>DELIVERED failed-delivery>FAILED_DELIVERY",
            "FAILED_DELIVERY", "redelivery>DISPATCHED return>RETURNED",
            "DELIVERED", "", "RETURNED", "", "CANCELLED", "");

    private static final Map<String, String> WORK_ORDER = Map.of(
            "SCHEDULED", "start>IN_PROGRESS reschedule>RESCHEDULED cancel>CANCELLED",
            "RESCHEDULED", "start>IN_PROGRESS reschedule>RESCHEDULED cancel>CANCELLED",
            "IN_PROGRESS", "completion>COMPLETED failure>FAILED",
            "FAILED", "reschedule>RESCHEDULED final-failure>FAILED_FOR_GOOD",
            "COMPLETED", "", "FAILED_FOR_GOOD", "", "CANCELLED", "");

    private static final Map<String, String> INVOICE = Map.of(
            "ISSUED", "payment>PARTIALLY_PAID settlement>PAID due-date-passed>OVERDUE",
            "PARTIALLY_PAID", "payment>PARTIALLY_PAID settlement>PAID due-date-passed>OVERDUE",
            "OVERDUE", "payment>OVERDUE settlement>PAID",
            "PAID", "");

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, ShipmentState.MACHINE, ShipmentState.values(), SHIPMENT);
        add(cases, WorkOrderState.MACHINE, WorkOrderState.values(), WORK_ORDER);
        add(cases, InvoiceState.MACHINE, InvoiceState.values(), INVOICE);
        return cases.stream();
    }

    private static <S extends Enum<S>> void add(List<Arguments> cases, StateMachine<S> machine, S[] states,
            Map<String, String> expected) {
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(states).map(Enum::name).toList());
        Set<String> actions = new LinkedHashSet<>();
        expected.values().forEach(v -> Stream.of(v.split(" ")).filter(a -> !a.isEmpty())
                .forEach(a -> actions.add(a.split(">")[0])));
        actions.add("nonsense");
        for (S state : states) {
            for (String action : actions) {
                String next = Stream.of(expected.get(state.name()).split(" ")).filter(a -> a.startsWith(action + ">"))
                        .map(a -> a.split(">")[1]).findFirst().orElse(null);
                cases.add(Arguments.of(machine.subject(), machine, state, action, next,
                        Stream.of(expected.get(state.name()).split(" ")).filter(a -> !a.isEmpty())
                                .map(a -> a.split(">")[0]).toList()));
            }
        }
    }

    @ParameterizedTest(name = "{0} {2} + {3} → {4}")
    @MethodSource("everyStateAndAction")
    <S extends Enum<S>> void transition(String subject, StateMachine<S> machine, S state, String action, String next,
            List<String> allowed) {
        assertThat(machine.allowed(state)).containsExactlyElementsOf(allowed);
        if (next != null) {
            assertThat(machine.allows(state, action)).isTrue();
            assertThat(machine.next(state, action, subject + " 1", ResourceRef.of("x", 1)).name()).isEqualTo(next);
        } else {
            assertThat(machine.allows(state, action)).isFalse();
            assertThatThrownBy(() -> machine.next(state, action, subject + " 1", ResourceRef.of("x", 1)))
                    .isInstanceOfSatisfying(StateConflict.class, e -> {
                        assertThat(e.currentState()).isEqualTo(state.name());
                        assertThat(e.resource()).isEqualTo(ResourceRef.of("x", 1));
                        assertThat(e.allowedActions()).containsExactlyElementsOf(allowed);
                        assertThat(e.getMessage()).contains(state.name()).contains(action);
                    });
        }
    }
}
