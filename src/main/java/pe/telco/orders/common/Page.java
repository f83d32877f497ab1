package pe.telco.orders.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {@code { items, page, size, total }}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** A paging query parameter as text: absent → the default; not a number → 400 naming the parameter. */
    public static int parse(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }

    /** Checks paging parameters the same way on every list endpoint. */
    public static void validate(int page, int size) {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
