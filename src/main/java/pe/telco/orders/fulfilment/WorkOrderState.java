package pe.telco.orders.fulfilment;

import pe.telco.orders.common.StateMachine;

/** Where a work order is: scheduled, in progress, completed, or failed and then rescheduled or failed for good. */
public enum WorkOrderState {
    SCHEDULED, RESCHEDULED, IN_PROGRESS, COMPLETED, FAILED, FAILED_FOR_GOOD, CANCELLED;

    /** The one table of work order transitions. */
    public static final StateMachine<WorkOrderState> MACHINE = StateMachine.of("Work order", WorkOrderState.class)
            .on(SCHEDULED, "start", IN_PROGRESS)
            .on(SCHEDULED, "reschedule", RESCHEDULED)
            .on(SCHEDULED, "cancel", CANCELLED)
            .on(RESCHEDULED, "start", IN_PROGRESS)
            .on(RESCHEDULED, "reschedule", RESCHEDULED)
            .on(RESCHEDULED, "cancel", CANCELLED)
            .on(IN_PROGRESS, "completion", COMPLETED)
            .on(IN_PROGRESS, "failure", FAILED)
            .on(FAILED, "reschedule", RESCHEDULED)
            .on(FAILED, "final-failure", FAILED_FOR_GOOD)
            .build();
}
