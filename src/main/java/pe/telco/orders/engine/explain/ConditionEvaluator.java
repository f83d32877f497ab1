package pe.telco.orders.engine.explain;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Map;
import pe.telco.orders.engine.tables.ConditionSnippet;

/**
 * Evaluates a decision-table condition cell (snippet + value) on a fact, the way the table's operators read:
 * {@code ==, >=, <=, >, <} on fields (numbers, booleans, text), {@code inCategories("…")} and
 * {@code speedFor($q.field) == "…"}. Anything else is reported as not evaluated, never guessed.
 */
final class ConditionEvaluator {

    private static final Map<String, String> SYMBOL = Map.of("==", "=", "!=", "≠", ">=", "≥", "<=", "≤", ">", ">",
            "<", "<");

    private ConditionEvaluator() {
    }

    /** {@code bindings} are the facts of the row's other patterns by variable ($q), for snippets that name them. */
    static ConditionResult evaluate(String column, String label, String snippet, String value, Object fact,
            Map<String, Object> bindings, boolean spanish) {
        String condition = snippet.replace("$param", value);
        ConditionSnippet parsed = ConditionSnippet.parse(snippet);
        try {
            if (parsed.kind() == ConditionSnippet.Kind.COMPARISON) {
                return compare(column, label, condition, parsed.subject(), parsed.operator(), value,
                        property(fact, parsed.subject()), spanish);
            }
            if (parsed.kind() == ConditionSnippet.Kind.IN_LIST) {
                boolean holds = (Boolean) fact.getClass().getMethod(parsed.method(), String.class).invoke(fact, value);
                Object category = property(fact, parsed.subject());
                return new ConditionResult(column, label, condition, holds, spanish
                        ? "la categoría " + category + (holds ? " está entre " : " no está entre ") + value
                        : "category " + category + (holds ? " is one of " : " is not one of ") + value);
            }
            if (parsed.kind() == ConditionSnippet.Kind.METHOD_OF_BINDING && bindings.containsKey(parsed.binding())) {
                Object argument = property(bindings.get(parsed.binding()), parsed.argument());
                Object result = method(fact, parsed.method()).invoke(fact, argument);
                boolean holds = String.valueOf(result).equals(value);
                String call = parsed.method() + "(" + parsed.argument() + " " + argument + ")";
                return new ConditionResult(column, label, condition, holds, spanish
                        ? call + " da " + result + (holds ? "" : ", no " + value)
                        : call + " is " + result + (holds ? "" : ", not " + value));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new ConditionResult(column, label, condition, null, (spanish ? "no evaluada: " : "not evaluated: ")
                    + e.getClass().getSimpleName());
        }
        return new ConditionResult(column, label, condition, null, spanish ? "no evaluada (operador no soportado)"
                : "not evaluated (operator not supported)");
    }

    private static ConditionResult compare(String column, String label, String condition, String field, String op,
            String value, Object actual, boolean spanish) {
        Boolean holds;
        if (actual instanceof Number number) {
            int c = new BigDecimal(number.toString()).compareTo(new BigDecimal(value.strip()));
            holds = switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c < 0;
            };
        } else if (op.equals("==") || op.equals("!=")) {
            boolean equal = actual instanceof Boolean b ? b == Boolean.parseBoolean(value.strip())
                    : String.valueOf(actual).equals(value);
            holds = op.equals("==") == equal;
        } else {
            holds = null;
        }
        String shown = actual instanceof BigDecimal d ? plain(d) : String.valueOf(actual);
        String expected = actual instanceof Number ? plain(new BigDecimal(value.strip())) : value;
        String explanation;
        if (spanish) {
            explanation = holds == null ? "no evaluada: " + field + " " + shown + " no es un número"
                    : field + " vale " + shown + (holds ? ": cumple " : ": no cumple ") + SYMBOL.get(op) + " "
                            + expected;
        } else {
            explanation = holds == null ? "not evaluated: " + field + " " + shown + " is not a number"
                    : field + " " + shown + (holds ? " " : " is not ") + SYMBOL.get(op) + " " + expected;
        }
        return new ConditionResult(column, label, condition, holds, explanation);
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static Object property(Object fact, String name) throws ReflectiveOperationException {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return fact.getClass().getMethod(prefix + suffix).invoke(fact);
            } catch (NoSuchMethodException e) {
                // try the next accessor style
            }
        }
        throw new NoSuchMethodException(fact.getClass().getSimpleName() + " has no " + name);
    }

    private static Method method(Object fact, String name) throws NoSuchMethodException {
        for (Method method : fact.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(name);
    }
}
