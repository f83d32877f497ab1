package pe.telco.orders.common;

import java.util.List;

/** Well-formed but cannot be processed (a ruleset that does not compile, rules that fail on an order). */
public class Unprocessable extends DomainException {

    private final String problemType;
    private final List<FieldError> errors;

    public Unprocessable(String problemType, String message, List<FieldError> errors) {
        super(message);
        this.problemType = problemType;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Unprocessable(String problemType, String message) {
        this(problemType, message, List.of());
    }

    public String problemType() {
        return problemType;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
