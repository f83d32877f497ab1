package pe.telco.orders.engine.tables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.TableRow;

/** What one CONDITION column compares, read from its snippet: a field, an operator, and how to compare cells. */
record Condition(Column column, String pattern, String field, String operator) {

    static Condition of(Column column) {
        String pattern = column.objectType().replaceAll("^\\s*\\$\\w+\\s*:\\s*", "").trim();
        ConditionSnippet snippet = ConditionSnippet.parse(column.snippet());
        // the warnings reason about equality, lower and upper bounds and lists; any other operator is not compared
        String operator = switch (snippet.operator()) {
            case "==", ">=", "<=", "IN" -> snippet.operator();
            default -> "?";
        };
        return new Condition(column, pattern, snippet.subject(), operator);
    }

    /** Does a row with {@code above}'s cell here match every case {@code below}'s cell matches? */
    boolean covers(TableRow above, TableRow below) {
        String a = cell(above);
        String b = cell(below);
        if (a == null) {
            return true;
        }
        if (b == null) {
            return false;
        }
        return switch (operator) {
            case "IN" -> listed(a).containsAll(listed(b));
            case ">=" -> number(a) != null && number(b) != null ? compare(a, b) <= 0 : a.equals(b);
            case "<=" -> number(a) != null && number(b) != null ? compare(a, b) >= 0 : a.equals(b);
            default -> a.equalsIgnoreCase(b);
        };
    }

    /** True unless some field is constrained by both rows in ways no case can satisfy together. */
    static boolean overlap(List<Condition> conditions, TableRow a, TableRow b) {
        return conditions.stream().collect(Collectors.groupingBy(c -> c.pattern() + "." + c.field())).values()
                .stream().allMatch(field -> intersect(field, a, b));
    }

    private static boolean intersect(List<Condition> field, TableRow a, TableRow b) {
        Set<String> valuesA = null;
        Set<String> valuesB = null;
        BigDecimal lowA = null, highA = null, lowB = null, highB = null;
        for (Condition c : field) {
            String x = c.cell(a);
            String y = c.cell(b);
            switch (c.operator()) {
                case "==", "IN" -> {
                    valuesA = x == null ? valuesA : listed(x);
                    valuesB = y == null ? valuesB : listed(y);
                }
                case ">=" -> {
                    lowA = x == null ? lowA : number(x);
                    lowB = y == null ? lowB : number(y);
                }
                case "<=" -> {
                    highA = x == null ? highA : number(x);
                    highB = y == null ? highB : number(y);
                }
                default -> {
                    return true;
                }
            }
        }
        if (valuesA != null && valuesB != null && valuesA.stream().noneMatch(valuesB::contains)) {
            return false;
        }
        BigDecimal low = max(lowA, lowB);
        BigDecimal high = min(highA, highB);
        return low == null || high == null || low.compareTo(high) <= 0;
    }

    String cell(TableRow row) {
        return row.cells().get(column.index());
    }

    static Set<String> listed(String cell) {
        return Arrays.stream(cell.split(",")).map(v -> v.trim().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    private static int compare(String a, String b) {
        return number(a).compareTo(number(b));
    }

    private static BigDecimal number(String cell) {
        try {
            return new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }
}
