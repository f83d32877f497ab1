package pe.telco.orders.common;

/** The named resource does not exist. */
public class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
