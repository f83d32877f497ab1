package pe.telco.orders.tmf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.Problem;

/**
 * A TMF {@code Error}: {@code code} (the stable kind of problem), {@code reason}, {@code message} (naming every bad
 * field), {@code status}, {@code referenceError} (the problem type's URI), and the bad fields one by one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Error", description = "TMF Error")
public record TmfError(
        String code,
        String reason,
        String message,
        String status,
        String referenceError,
        @JsonProperty("@type") String type,
        @Schema(description = "Every invalid attribute and why (extension)") List<FieldError> errors) {

    static TmfError from(Problem problem) {
        String code = problem.type() != null && problem.type().startsWith(Problem.TYPE_BASE)
                ? problem.type().substring(Problem.TYPE_BASE.length()) : "error";
        String message = problem.detail();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            message = problem.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
        }
        if (problem.currentState() != null) {
            message = message + " (current state: " + problem.currentState() + ")";
        }
        return new TmfError(code, problem.title(), message, String.valueOf(problem.status()), problem.type(), "Error",
                problem.errors());
    }
}
