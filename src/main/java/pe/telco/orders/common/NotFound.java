package pe.telco.orders.common;

/** The named resource does not exist. */
public class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }

    /** Something this service does not offer as configured, said in full. */
    public NotFound(String message) {
        super(message);
    }
}
