package pe.telco.orders.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.telco.orders.engine.tables.DecisionTableReader;

/**
 * The decision tables of a ruleset as a business user reads them: each table's condition columns (pattern, snippet,
 * label) and each row's condition cells, by rule id. Read-only view for explanations; compiling stays elsewhere.
 */
public final class RuleTables {

    /** A CONDITION column: the pattern it constrains ({@code $q : CreditQuestion}), its snippet and its label. */
    public record Condition(String column, String pattern, String snippet, String label) {
    }

    /** One rule row: its id and sentence, Excel row, and the text of its non-empty condition cells by column. */
    public record Row(String ruleId, String description, int excelRow, Map<String, String> values) {
    }

    /** One RuleTable. */
    public record Table(String file, String sheet, String name, List<Condition> conditions, List<Row> rows) {
    }

    private RuleTables() {
    }

    /** The tables of the {@code .drl.xlsx} files among {@code files}; unreadable parts are left out. */
    public static List<Table> of(List<RuleFile> files) {
        DecisionTableReader reader = new DecisionTableReader();
        List<Table> tables = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.isDecisionTable()) {
                reader.read(file, new ArrayList<>()).forEach(table -> tables.add(view(table)));
            }
        }
        return tables;
    }

    private static Table view(DecisionTableReader.Table table) {
        List<Condition> conditions = new ArrayList<>();
        List<DecisionTableReader.Column> columns = new ArrayList<>();
        String pattern = "";
        for (DecisionTableReader.Column column : table.columns()) {
            if (!column.keyword().equals("CONDITION")) {
                continue;
            }
            // cells under a merged pattern cell are empty: they belong to the pattern on their left
            pattern = column.objectType().isEmpty() ? pattern : column.objectType();
            conditions.add(new Condition(column.letter(), pattern, column.snippet(), column.label()));
            columns.add(column);
        }
        List<Row> rows = new ArrayList<>();
        for (DecisionTableReader.TableRow row : table.rows()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (DecisionTableReader.Column column : columns) {
                String value = row.cells().get(column.index());
                if (value != null) {
                    values.put(column.letter(), value);
                }
            }
            rows.add(new Row(row.id(), row.description(), row.excelRow(), values));
        }
        return new Table(table.file(), table.sheet(), table.name(), conditions, rows);
    }
}
