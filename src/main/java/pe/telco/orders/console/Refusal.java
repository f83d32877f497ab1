package pe.telco.orders.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import pe.telco.orders.common.DomainException;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.StateConflict;

/**
 * Why the console refused a shipment or work-order action (or a list's filter), in terms its page words in the
 * person's language: the kind, the action and state as already translated, the fields that were wrong. The service's
 * own (English) sentence is kept as the technical detail.
 */
public record Refusal(String kind, long id, String action, String state, List<FieldProblem> fields, String detail) {

    /** One wrong field: its form name and what is wrong (required, tooLong, notADate, notPostalCode, invalid). */
    public record FieldProblem(String field, String problem, int max) {

        static FieldProblem of(FieldError error) {
            return new FieldProblem(error.field(),
                    error.message().startsWith("is required") ? "required" : "invalid", 0);
        }
    }

    /** The answer's status, as the API's for the same refusal. */
    public int status() {
        return switch (kind) {
            case "state" -> 409;
            case "notFound" -> 404;
            default -> 400;
        };
    }

    /**
     * The refusal of a service's exception; {@code stateName} words the current state a conflict names. Anything
     * else is not a refusal and is thrown again.
     */
    static Refusal of(DomainException e, long id, String action, Function<String, String> stateName) {
        if (e instanceof StateConflict conflict) {
            return new Refusal("state", id, action, stateName.apply(conflict.currentState()), List.of(),
                    e.getMessage());
        }
        if (e instanceof NotFound) {
            return new Refusal("notFound", id, action, null, List.of(), e.getMessage());
        }
        if (e instanceof InvalidInput invalid) {
            return invalid(id, action, invalid.errors().stream().map(FieldProblem::of).toList(), e.getMessage());
        }
        throw e;
    }

    static Refusal invalid(long id, String action, List<FieldProblem> fields, String detail) {
        return new Refusal("invalid", id, action, null, fields, detail);
    }

    /** A list's filter that could not be read: the list is shown empty with what to correct. */
    static Refusal filter(List<FieldProblem> fields) {
        return new Refusal("filter", 0, null, null, fields, null);
    }

    /**
     * The lengths the API checks on the same request record ({@code @Size}), checked here too since the console calls
     * the service without the API's validation.
     */
    static List<FieldProblem> tooLong(Validator validator, Object request) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String field = v.getPropertyPath().toString();
            int max = v.getConstraintDescriptor().getAnnotation() instanceof Size size ? size.max() : 0;
            FieldProblem problem = new FieldProblem(field, max > 0 ? "tooLong" : "invalid", max);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problems;
    }
}
