package pe.telco.orders.fulfilment;

import pe.telco.orders.common.StateMachine;

/** Where a shipment is: prepared at its location, dispatched, delivered, or failed and then re-sent or returned. */
public enum ShipmentState {
    PREPARED, DISPATCHED, DELIVERED, FAILED_DELIVERY, RETURNED, CANCELLED;

    /** The one table of shipment transitions. A store pickup is dispatched to the counter, then handed over. */
    public static final StateMachine<ShipmentState> MACHINE = StateMachine.of("Shipment", ShipmentState.class)
            .on(PREPARED, "dispatch", DISPATCHED)
            .on(PREPARED, "cancel", CANCELLED)
            .on(DISPATCHED, "delivery", DELIVERED)
            .on(DISPATCHED, "failed-delivery", FAILED_DELIVERY)
            .on(FAILED_DELIVERY, "redelivery", DISPATCHED)
            .on(FAILED_DELIVERY, "return", RETURNED)
            .build();
}
