package pe.telco.orders.access;

/** The roles of the people and systems that use the service. */
public final class Roles {

    /** A store, call centre, web or app back end: creates, evaluates and reads its own channel's orders. */
    public static final String CHANNEL = "CHANNEL";
    /** Uploads rulesets, previews their impact, reads diffs. */
    public static final String RULE_AUTHOR = "RULE_AUTHOR";
    /**
     * Changes what only developers own: DRL rules and the structure of tables. Such an upload is compiled in the
     * sandbox but never run before a second person activates it.
     */
    public static final String RULE_DEVELOPER = "RULE_DEVELOPER";
    /** Activates a ruleset someone else uploaded (four eyes), or rolls back. */
    public static final String RULE_APPROVER = "RULE_APPROVER";
    /** Reviews held orders: approves or declines them. */
    public static final String APPROVER = "APPROVER";
    /** Maintains reference data, runs fulfilment and billing. */
    public static final String OPERATIONS = "OPERATIONS";
    /** Reads the audit record and exports it. */
    public static final String AUDITOR = "AUDITOR";
    /** A warehouse: lists and moves the shipment orders of its own location (bound like a channel to its channel). */
    public static final String WAREHOUSE = "WAREHOUSE";
    /** Field service: lists work orders by date, postal code and state, and records their progress. */
    public static final String FIELD_SERVICE = "FIELD_SERVICE";

    private Roles() {
    }
}
