package pe.telco.orders.common;

/** One invalid field of a request: the JSON path ({@code items[0].quantity}) or a spreadsheet cell, and why. */
public record FieldError(String field, String message) {
}
