package pe.telco.orders.order;

/** Where the order came from. */
public enum Channel {
    STORE, VIRTUAL_STORE, CALL_CENTER, WEB, APP
}
