package pe.telco.orders.ruleset.schedule;

/** Where a scheduled activation stands: waiting for its instant, switched, refused at the instant, or cancelled. */
public enum ScheduleState {
    PENDING, DONE, FAILED, CANCELLED
}
