package pe.telco.orders.billing;

import pe.telco.orders.common.StateMachine;

/** Where an invoice is: issued, partially paid, paid; overdue once its due date passed unpaid. */
public enum InvoiceState {
    ISSUED, PARTIALLY_PAID, PAID, OVERDUE;

    /** The one table of invoice transitions. A payment that leaves a balance is "payment", the last one "settlement". */
    public static final StateMachine<InvoiceState> MACHINE = StateMachine.of("Invoice", InvoiceState.class)
            .on(ISSUED, "payment", PARTIALLY_PAID)
            .on(ISSUED, "settlement", PAID)
            .on(ISSUED, "due-date-passed", OVERDUE)
            .on(PARTIALLY_PAID, "payment", PARTIALLY_PAID)
            .on(PARTIALLY_PAID, "settlement", PAID)
            .on(PARTIALLY_PAID, "due-date-passed", OVERDUE)
            .on(OVERDUE, "payment", OVERDUE)
            .on(OVERDUE, "settlement", PAID)
            .build();
}
