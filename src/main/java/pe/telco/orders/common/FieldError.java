package pe.telco.orders.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One invalid field of a request: the JSON path ({@code items[0].quantity}) or a spreadsheet cell, and why. Where a
 * person reads it in the Spanish console, {@code spanish} says the same (the API answers in English).
 */
public record FieldError(String field, String message, @JsonIgnore String spanish) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    /** The message in the console's language: {@code es} or {@code en}. */
    public String message(String language) {
        return "es".equals(language) && spanish != null ? spanish : message;
    }
}
