package pe.telco.orders.engine.tables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of value a business cell of a decision table may hold, each with its reading: what a person typed becomes
 * one canonical text that is safe to place in the generated rule, or a plain-words reason why it cannot be read.
 * Nothing else of a cell ever reaches generated code: numbers are digits, codes are capitals, and free text is only
 * ever emitted inside an escaped string literal or comment.
 */
public enum ValueType {

    /** Digits only: a score, a number of months, days or devices. */
    WHOLE_NUMBER("a whole number, e.g. 12", "un número entero, p. ej. 12"),
    /** Soles: digits with at most two decimals after a point, no thousands separator, no currency sign. */
    AMOUNT("an amount in soles with a decimal point, e.g. 1500 or 1500.50",
            "un monto en soles con punto decimal, p. ej. 1500 o 1500.50"),
    /** true or false (sí / no are read as true / false). */
    YES_NO("true or false", "true o false (sí o no)"),
    /** One code in capitals, digits and underscores, e.g. RESIDENTIAL. */
    CODE("a code in capitals, e.g. RESIDENTIAL", "un código en mayúsculas, p. ej. RESIDENTIAL"),
    /** Codes separated by commas, e.g. FIBER_INTERNET, HFC_INTERNET. */
    CODE_LIST("codes in capitals separated by commas, e.g. FIBER_INTERNET, HFC_INTERNET",
            "códigos en mayúsculas separados por comas, p. ej. FIBER_INTERNET, HFC_INTERNET"),
    /** A time window, e.g. 09:00-13:00. */
    TIME_SLOT("a time window such as 09:00-13:00", "una franja horaria como 09:00-13:00"),
    /** A stable rule id, e.g. CREDIT-010. */
    RULE_ID("a rule id such as CREDIT-010", "un id de regla como CREDIT-010"),
    /** Any text but a double quote or a backslash; emitted only inside a Java string literal. */
    TEXT("text without double quotes or backslashes", "texto sin comillas dobles ni barras invertidas"),
    /** Any text; emitted only inside a comment, so the comment can never be closed by it. */
    DESCRIPTION("text", "texto");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern CODE_PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final Pattern SLOT = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\\d{2,}");
    private static final Pattern CURRENCY = Pattern.compile("^(S/\\.?|PEN|\\$)\\s*|\\s*(S/\\.?|PEN|soles)$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_TEXT = 500;

    private final String expected;
    private final String esperado;

    ValueType(String expected, String esperado) {
        this.expected = expected;
        this.esperado = esperado;
    }

    /** What a person should type, in the words of the messages. */
    public String expected() {
        return expected;
    }

    /** The canonical text of a value, or the reason it cannot be read (in English and in Spanish). */
    public record Reading(String value, String problem, String problema) {

        static Reading of(String value) {
            return new Reading(value, null, null);
        }

        static Reading refused(String problem, String problema) {
            return new Reading(null, problem, problema);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Reads {@code raw} (the cell's text, already trimmed; a number cell as its plain decimal) as this type; codes and
     * yes/no are checked against {@code allowed} when the column lists its values.
     */
    public Reading read(String raw, List<String> allowed) {
        return switch (this) {
            case WHOLE_NUMBER -> whole(raw);
            case AMOUNT -> amount(raw);
            case YES_NO -> yesNo(raw);
            case CODE -> code(raw, allowed);
            case CODE_LIST -> codes(raw, allowed);
            case TIME_SLOT -> SLOT.matcher(raw).matches() ? Reading.of(raw) : refusedAs(raw);
            case RULE_ID -> ID.matcher(raw).matches() ? Reading.of(raw) : refusedAs(raw);
            case TEXT -> literal(raw).ok() ? Reading.of(javaString(raw)) : literal(raw);
            case DESCRIPTION -> text(raw).ok() ? Reading.of(comment(raw)) : text(raw);
        };
    }

    private Reading whole(String raw) {
        String plain = withoutTrailingZeros(raw);
        if (DIGITS.matcher(plain).matches()) {
            return Reading.of(plain.replaceFirst("^0+(?=\\d)", ""));
        }
        if (raw.matches("\\d{1,3}([.,]\\d{3})+")) {
            return Reading.refused(seen(raw) + " has a thousands separator; write the number without it, e.g. "
                    + raw.replaceAll("[.,]", ""), seen(raw) + " tiene separador de miles; escribe el número sin él,"
                    + " p. ej. " + raw.replaceAll("[.,]", ""));
        }
        return numberProblem(raw);
    }

    private Reading amount(String raw) {
        if (DECIMAL.matcher(raw).matches()) {
            return Reading.of(new BigDecimal(raw).stripTrailingZeros().toPlainString());
        }
        if (CURRENCY.matcher(raw).find() && DECIMAL.matcher(CURRENCY.matcher(raw).replaceAll("").trim()).matches()) {
            String amount = CURRENCY.matcher(raw).replaceAll("").trim();
            return Reading.refused(seen(raw) + " has a currency sign; write only the amount, e.g. " + amount,
                    seen(raw) + " tiene el símbolo de la moneda; escribe solo el monto, p. ej. " + amount);
        }
        if (raw.matches("\\d{1,3}(\\.\\d{3})+")) {
            String thousands = raw.replace(".", "");
            String decimals = new BigDecimal(thousands).movePointLeft(3).setScale(2, java.math.RoundingMode.DOWN)
                    .toPlainString();
            return Reading.refused(seen(raw) + " is ambiguous: the point may separate thousands or decimals; write the"
                    + " amount with no thousands separator and a decimal point, e.g. " + thousands + " or " + decimals,
                    seen(raw) + " es ambiguo: el punto puede separar miles o decimales; escribe el monto sin separador"
                    + " de miles y con punto decimal, p. ej. " + thousands + " o " + decimals);
        }
        if (raw.matches("\\d{1,3}(\\.\\d{3})*,\\d{1,2}") || raw.matches("\\d+,\\d{1,2}")) {
            String plain = raw.replace(".", "").replace(',', '.');
            return Reading.refused(seen(raw) + " uses a comma for decimals or a point for thousands; write the amount"
                    + " with a decimal point and no thousands separator, e.g. " + plain, seen(raw) + " no es un número"
                    + " como lo lee el sistema (coma decimal o punto de miles); escribe " + plain);
        }
        if (raw.matches("\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?") || raw.matches("\\d+\\.\\d{3,}")) {
            return Reading.refused(seen(raw) + " is ambiguous (a thousands separator or more than two decimals);"
                    + " write the amount with at most two decimals after a point and no separators, e.g. 1500 or"
                    + " 1500.50", seen(raw) + " es ambiguo (separador de miles o más de dos decimales); escribe el"
                    + " monto con a lo más dos decimales tras un punto y sin separadores, p. ej. 1500 o 1500.50");
        }
        return numberProblem(raw);
    }

    private Reading numberProblem(String raw) {
        if (raw.matches("[0-9oO]*[oO][0-9oO]*([.,][0-9oO]+)?")) {
            return Reading.refused(seen(raw) + " is not a number: it contains the letter O; write the digit 0",
                    seen(raw) + " no es un número: tiene la letra O; escribe el dígito 0");
        }
        if (raw.endsWith("%")) {
            return Reading.refused(seen(raw) + " is a percentage; this column takes " + expected,
                    seen(raw) + " es un porcentaje; esta columna lleva " + esperado);
        }
        return refusedAs(raw);
    }

    private static String withoutTrailingZeros(String raw) {
        return raw.matches("\\d+\\.0+") ? raw.substring(0, raw.indexOf('.')) : raw;
    }

    private Reading yesNo(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "verdadero", "sí", "si" -> Reading.of("true");
            case "false", "falso", "no" -> Reading.of("false");
            default -> refusedAs(raw);
        };
    }

    private Reading code(String raw, List<String> allowed) {
        if (!CODE_PATTERN.matcher(raw).matches()) {
            return refusedAs(raw);
        }
        if (!allowed.isEmpty() && !allowed.contains(raw)) {
            return Reading.refused(seen(raw) + " is not one of " + String.join(", ", allowed),
                    seen(raw) + " no es uno de " + String.join(", ", allowed));
        }
        return Reading.of(raw);
    }

    private Reading codes(String raw, List<String> allowed) {
        List<String> parts = Arrays.stream(raw.split(",", -1)).map(String::trim).toList();
        for (String part : parts) {
            Reading one = CODE.code(part, allowed);
            if (!one.ok()) {
                return part.isEmpty() ? refusedAs(raw) : one;
            }
        }
        return Reading.of(parts.stream().collect(Collectors.joining(", ")));
    }

    private static Reading text(String raw) {
        if (raw.length() > MAX_TEXT) {
            return Reading.refused("The text is " + raw.length() + " characters long; at most " + MAX_TEXT,
                    "El texto tiene " + raw.length() + " caracteres; como máximo " + MAX_TEXT);
        }
        return Reading.of(raw);
    }

    /** A value as the messages quote it: what was seen, cut short when long. */
    static String seen(String raw) {
        return "«" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "»";
    }

    /** Text shown to channels and customers: no double quote or backslash, which only code needs. */
    private static Reading literal(String raw) {
        if (raw.indexOf('"') >= 0) {
            return Reading.refused("The text has a double quote (\"); use « » or ' instead",
                    "El texto tiene comillas dobles (\"); usa « » o ' en su lugar");
        }
        if (raw.indexOf('\\') >= 0) {
            return Reading.refused("The text has a backslash (\\); use / instead",
                    "El texto tiene una barra invertida (\\); usa / en su lugar");
        }
        return text(raw);
    }

    private Reading refusedAs(String raw) {
        return Reading.refused(seen(raw) + " is not " + expected, seen(raw) + " no es " + esperado);
    }

    /**
     * The body of a Java string literal showing exactly {@code raw}, which holds neither a quote nor a backslash (see
     * {@link #text}): nothing can end the literal or start an escape (Java resolves backslash-u escapes before it
     * reads a literal, and Drools rewrites quotes in cells by rules of its own). Line breaks and other control
     * characters become spaces.
     */
    static String javaString(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    /** Text safe inside a block comment: it can neither close the comment nor break the line. */
    static String comment(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c == '\\' ? '/' : c);
        }
        return out.toString().replace("*/", "* /");
    }
}
