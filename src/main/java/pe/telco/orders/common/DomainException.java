package pe.telco.orders.common;

/** A business rule refused a request; {@link ProblemMapping} turns each kind into a problem+json answer. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
