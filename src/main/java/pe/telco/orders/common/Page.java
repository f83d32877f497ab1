package pe.telco.orders.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {@code { items, page, size, total }}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
    /** Largest row offset (page × size) a list serves: offsets are ints in Panache and JDBC, so they must not wrap. */
    public static final int MAX_OFFSET = 1_000_000_000;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** The paging asked for by {@code ?page=&size=}, already checked. */
    public record Request(int page, int size) {
    }

    /**
     * Reads {@code ?page=&size=} as text (absent → 0 and 20) and checks them; every bad one is listed in one 400,
     * never a 404 (as a failed int conversion would be) or a 500 (as an overflowing offset would be).
     */
    public static Request request(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Integer p = parse(page, 0, "page", errors);
        Integer s = parse(size, 20, "size", errors);
        if (p != null && s != null) {
            errors.addAll(problems(p, s));
        } else if (s != null) {
            errors.addAll(problems(0, s));
        } else if (p != null && p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Request(p, s);
    }

    /** A paging query parameter as text: absent → the default; not a number → 400 naming the parameter. */
    public static int parse(String value, int fallback, String name) {
        List<FieldError> errors = new ArrayList<>();
        Integer parsed = parse(value, fallback, name, errors);
        if (parsed == null) {
            throw new InvalidInput(errors);
        }
        return parsed;
    }

    /** Checks paging parameters the same way on every list endpoint. */
    public static void validate(int page, int size) {
        List<FieldError> errors = problems(page, size);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static List<FieldError> problems(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        } else if (page > 0 && (long) page * size > MAX_OFFSET) {
            errors.add(new FieldError("page", "must be at most " + MAX_OFFSET / size + " with size " + size));
        }
        return errors;
    }

    private static Integer parse(String value, int fallback, String name, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }
}
