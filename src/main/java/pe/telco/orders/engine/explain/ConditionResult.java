package pe.telco.orders.engine.explain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One condition cell of a table row evaluated on the stored facts: holds, fails, or could not be evaluated (null). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionResult(String column, String label, String condition, Boolean holds, String explanation) {
}
