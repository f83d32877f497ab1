package pe.telco.orders.engine.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.Table;
import pe.telco.orders.engine.tables.DecisionTableReader.TableRow;

/**
 * Quality warnings for a table read under first hit: rows that can never fire because a row above covers them,
 * rows that partly overlap a row above that decides differently (an exception written above the general row it
 * narrows is the intended layout and is not reported), and enumerated values (segment, technology, ...) that no row
 * handles.
 * Warnings, not errors: the table still compiles and the business user decides.
 */
public final class TableWarnings {

    /** The closed lists of values a business user can write in a column, by the fact field the column compares. */
    static final Map<String, List<String>> ENUMERATED = Map.of(
            "segment", List.of("RESIDENTIAL", "BUSINESS"),
            "technology", List.of("FTTH", "HFC", "DSL", "LTE", "NR5G"),
            "category", List.of("FIBER_INTERNET", "HFC_INTERNET", "FIXED_LINE", "TV", "MOBILE_POSTPAID",
                    "MOBILE_PREPAID"),
            "termsStatus", List.of("CURRENT", "OUTDATED", "NOT_ACCEPTED", "NONE_PUBLISHED"));

    private static final java.util.regex.Pattern NEVER_FIRES = java.util.regex.Pattern.compile("^Row (\\S+) can never"
            + " fire");

    private TableWarnings() {
    }

    public static List<RuleProblem> of(Table table) {
        List<Condition> conditions = table.columns().stream().filter(c -> c.keyword().equals("CONDITION"))
                .map(Condition::of).toList();
        Column outcome = table.columns().stream().filter(c -> c.keyword().equals("ACTION")).findFirst().orElse(null);
        List<RuleProblem> warnings = new ArrayList<>();
        List<TableRow> rows = table.rows();
        for (int j = 0; j < rows.size(); j++) {
            for (int i = 0; i < j; i++) {
                TableRow above = rows.get(i);
                TableRow below = rows.get(j);
                if (conditions.stream().allMatch(c -> c.covers(above, below))) {
                    warnings.add(at(table, below, "Row " + below.id() + " can never fire: row " + above.id()
                            + " (row " + above.excelRow() + ") above it matches every case it matches, and the first"
                            + " matching row decides. Move it above " + above.id() + " or remove it",
                            "La fila " + below.id() + " nunca se aplicará: la fila " + above.id() + " (fila "
                            + above.excelRow() + "), más arriba, cubre todos sus casos y decide la primera fila que"
                            + " coincide. Súbela por encima de " + above.id() + " o quítala"));
                    break;
                }
                // an exception above the general row it narrows is the usual first-hit layout, not worth a warning;
                // a partial overlap (each row matches cases the other does not) is where the order may surprise
                boolean exceptionAbove = conditions.stream().allMatch(c -> c.covers(below, above));
                if (outcome != null && !exceptionAbove && !value(above, outcome).equals(value(below, outcome))
                        && Condition.overlap(conditions, above, below)) {
                    warnings.add(at(table, below, "Row " + below.id() + " (" + value(below, outcome)
                            + ") overlaps row " + above.id() + " (" + value(above, outcome) + ", row "
                            + above.excelRow() + "): where both match, " + above.id() + " decides",
                            "La fila " + below.id() + " (" + resultado(value(below, outcome)) + ") se superpone con"
                            + " la fila " + above.id() + " (" + resultado(value(above, outcome)) + ", fila "
                            + above.excelRow()
                            + "): donde ambas coinciden, decide " + above.id()));
                }
            }
        }
        warnings.addAll(gaps(table, conditions));
        return warnings;
    }

    /**
     * True when an example of the same file shows the row this warning says can never fire firing after all: the
     * engine's answer wins, and a warning that contradicts it must not be shown.
     */
    public static boolean contradictedBy(String location, String message, List<ExampleCases.ExampleResult> examples) {
        java.util.regex.Matcher never = NEVER_FIRES.matcher(message == null ? "" : message);
        if (!never.find()) {
            return false;
        }
        String file = location == null ? "" : location.split("!", 2)[0];
        return examples.stream().anyMatch(e -> e.file().equals(file) && e.rule().equals(never.group(1)));
    }

    private static List<RuleProblem> gaps(Table table, List<Condition> conditions) {
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, List<Condition>> byField = conditions.stream().filter(c -> ENUMERATED.containsKey(c.field()))
                .collect(java.util.stream.Collectors.groupingBy(c -> c.pattern() + "." + c.field(),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        for (List<Condition> columns : byField.values()) {
            Map.Entry<String, List<String>> field = Map.entry(columns.get(0).field(),
                    ENUMERATED.get(columns.get(0).field()));
            Set<String> named = new LinkedHashSet<>();
            boolean catchAll = false;
            for (TableRow row : table.rows()) {
                List<String> cells = columns.stream().map(c -> row.cells().get(c.column().index()))
                        .filter(v -> v != null).toList();
                catchAll |= cells.isEmpty();
                cells.forEach(v -> named.addAll(Condition.listed(v)));
            }
            List<String> missing = field.getValue().stream().filter(v -> !named.contains(v)).toList();
            if (!catchAll && !missing.isEmpty()) {
                Column column = columns.get(0).column();
                warnings.add(RuleProblem.atCell(table.file(), table.sheet(),
                        column.letter() + (table.headerExcelRow() + 4), "No row of RuleTable " + table.name()
                                + " handles " + field.getKey() + " " + String.join(", ", missing)
                                + ": such cases get no answer and are held for review (NO_RULE_MATCHED)",
                        "Ninguna fila de la tabla " + table.name() + " cubre " + field.getKey() + " "
                                + String.join(", ", missing) + ": esos casos no tienen respuesta y quedan retenidos"
                                + " para revisión (NO_RULE_MATCHED)"));
            }
        }
        return warnings;
    }

    /** An outcome cell as the Spanish messages name it. */
    private static String resultado(String outcome) {
        return switch (outcome) {
            case "PASS" -> "pasa";
            case "REVIEW" -> "revisión";
            case "FAIL" -> "falla";
            default -> outcome;
        };
    }

    private static String value(TableRow row, Column column) {
        return row.cells().getOrDefault(column.index(), "");
    }

    private static RuleProblem at(Table table, TableRow row, String message, String spanish) {
        Column first = table.columns().get(0);
        return RuleProblem.atCell(table.file(), table.sheet(), first.letter() + row.excelRow(), message, spanish);
    }
}
