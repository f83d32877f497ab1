package pe.telco.orders.common;

/** This instance is already doing as much of a kind of work as it allows at once; the caller should retry later. */
public class TooBusy extends DomainException {

    private final int retryAfterSeconds;

    public TooBusy(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
