package pe.telco.orders.engine.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.runtime.KieSession;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.Table;
import pe.telco.orders.engine.tables.DecisionTableReader.TableRow;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.FulfilmentItem;
import pe.telco.orders.rules.RealRules;

/**
 * Property of every row of every shipped decision table: the reading the checker and the console work from (the
 * typed value of each cell) is what the compiled rule uses. Facts are built from the row's own cells; the row's rule
 * alone may fire (an agenda filter, so rows above it cannot take the case first) and must fire, answering the
 * outcome, code and message its action cells say; moved one step outside any single condition cell (a threshold
 * minus one cent or one unit, another code, the other yes/no), the same rule must not fire. A threshold or code the
 * engine read differently from the console would fail one of the two.
 */
class EveryShippedRowFiresAsReadTest {

    private static final Pattern COMPARISON = Pattern.compile("^(\\w+)\\s*(==|>=|<=)\\s*\"?\\$param\"?$");
    private static final Pattern SPEED = Pattern.compile("^speedFor\\(\\$q\\.requestedMbps\\)\\s*==\\s*\"\\$param\"$");
    private static final Pattern IN_CATEGORIES = Pattern.compile("^inCategories\\(\"\\$param\"\\)$");
    private static final int OFFERED_MBPS = 500;

    /** The facts one row is tried on: the inputs of {@link ExampleFacts}, or the item a fulfilment row plans. */
    private record Inputs(String question, Map<String, String> values) {

        Inputs with(String name, String value) {
            Map<String, String> copy = new HashMap<>(values);
            copy.put(name, value);
            return new Inputs(question, copy);
        }
    }

    /** A case one step outside one condition cell, which the row must not match. */
    private record Outside(String cell, Inputs inputs) {
    }

    @Test
    void everyShippedTableIsReadWithoutProblemsAndHasRows() {
        for (RuleFile file : shippedTables()) {
            List<RuleProblem> problems = new ArrayList<>();
            List<Table> tables = new DecisionTableReader().read(file, problems);
            assertThat(problems).as(file.name()).isEmpty();
            assertThat(tables).as(file.name()).isNotEmpty().allSatisfy(t -> assertThat(t.rows()).isNotEmpty());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRowFiresOnItsOwnCellsAndNotOneStepOutside() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleFile file : shippedTables()) {
            for (Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
                for (TableRow row : table.rows()) {
                    tests.add(DynamicTest.dynamicTest(file.name() + " " + row.id(), () -> checkRow(table, row)));
                }
            }
        }
        return tests.stream();
    }

    private static void checkRow(Table table, TableRow row) {
        shownAsRead(table, row);
        Inputs inside = inputs(table, row);
        Fired fired = fire(row.id(), inside);
        assertThat(fired.rules()).as("%s on facts built from its own cells %s", row.id(), inside.values())
                .containsExactly(row.id());
        actionsAsRead(table, row, fired);
        for (Outside outside : outside(table, row, inside)) {
            assertThat(fire(row.id(), outside.inputs()).rules())
                    .as("%s one step outside %s: %s", row.id(), outside.cell(), outside.inputs().values()).isEmpty();
        }
    }

    /** What the console shows of a typed cell is the checked value placed in the rule, nothing else. */
    private static void shownAsRead(Table table, TableRow row) {
        for (Column column : table.columns()) {
            if (column.declared() == null || !row.cells().containsKey(column.index())) {
                continue;
            }
            ValueType type = column.declared().type();
            String shown = row.cells().get(column.index());
            assertThat(type.read(shown, column.declared().allowed()).value())
                    .as("%s %s: what the console shows reads back to the same value", row.id(), column.label())
                    .isEqualTo(row.generated().get(column.index()));
            if (type != ValueType.TEXT && type != ValueType.DESCRIPTION) {
                assertThat(shown).as("%s %s", row.id(), column.label()).isEqualTo(row.generated().get(column.index()));
            }
        }
    }

    private static Inputs inputs(Table table, TableRow row) {
        Inputs inputs = new Inputs(question(table), new HashMap<>());
        for (Column column : conditions(table)) {
            String value = row.cells().get(column.index());
            if (value != null) {
                inputs = withCondition(inputs, column, value);
            }
        }
        return inputs;
    }

    /** Sets the input a condition cell compares so that the cell holds, at its boundary for ≥ and ≤. */
    private static Inputs withCondition(Inputs inputs, Column column, String value) {
        String snippet = column.snippet().strip();
        if (IN_CATEGORIES.matcher(snippet).matches()) {
            return inputs.with("category", Condition.listed(value).stream().sorted().findFirst().orElseThrow());
        }
        if (SPEED.matcher(snippet).matches()) {
            return inputs.with("requestedMbps", value.equals("WITHIN") ? "300" : String.valueOf(OFFERED_MBPS * 2));
        }
        Matcher m = COMPARISON.matcher(snippet);
        assertThat(m.matches()).as("a condition this test can build facts for: %s", snippet).isTrue();
        String field = m.group(1);
        if (column.objectType().contains("TechnologyAtAddress")) {
            // technology names the fact; offered says whether it delivers here
            String technology = field.equals("technology") ? value : inputs.values().get("technology");
            Inputs named = field.equals("technology") ? inputs.with("technology", value) : inputs;
            if (field.equals("offered")) {
                named = named.with("offered", value);
            }
            String offered = named.values().getOrDefault("offered", "true");
            return technology == null ? named
                    : named.with(technology, Boolean.parseBoolean(offered) ? String.valueOf(OFFERED_MBPS) : "0");
        }
        if (column.objectType().contains("CurrentProduct") && field.equals("category")) {
            return inputs.with("currentCategory", value);
        }
        return inputs.with(field, value);
    }

    /** One case per condition cell, each moved just outside that cell. */
    private static List<Outside> outside(Table table, TableRow row, Inputs inside) {
        List<Outside> cases = new ArrayList<>();
        for (Column column : conditions(table)) {
            String value = row.cells().get(column.index());
            if (value == null) {
                continue;
            }
            String cell = column.letter() + row.excelRow() + " (" + column.label() + " = " + value + ")";
            String snippet = column.snippet().strip();
            Matcher m = COMPARISON.matcher(snippet);
            if (IN_CATEGORIES.matcher(snippet).matches()) {
                cases.add(new Outside(cell, inside.with("category", "NOT_LISTED")));
            } else if (SPEED.matcher(snippet).matches()) {
                cases.add(new Outside(cell, inside.with("requestedMbps",
                        value.equals("WITHIN") ? String.valueOf(OFFERED_MBPS * 2) : "300")));
            } else if (column.objectType().contains("TechnologyAtAddress")) {
                String technology = inside.values().get("technology");
                if (m.matches() && m.group(1).equals("offered") && technology != null) {
                    cases.add(new Outside(cell, inside.with(technology,
                            Boolean.parseBoolean(value) ? "0" : String.valueOf(OFFERED_MBPS))));
                }
            } else if (m.matches()) {
                String field = column.objectType().contains("CurrentProduct") && m.group(1).equals("category")
                        ? "currentCategory" : m.group(1);
                cases.add(new Outside(cell, inside.with(field, beyond(column, m.group(2), value))));
            }
        }
        return cases;
    }

    /** The nearest value the cell does not match: one unit (or cent) past a threshold, another code, not yes/no. */
    private static String beyond(Column column, String operator, String value) {
        ValueType type = column.declared().type();
        BigDecimal step = type == ValueType.AMOUNT ? new BigDecimal("0.01") : BigDecimal.ONE;
        return switch (operator) {
            case ">=" -> new BigDecimal(value).subtract(step).toPlainString();
            case "<=" -> new BigDecimal(value).add(step).toPlainString();
            default -> type == ValueType.YES_NO ? String.valueOf(!Boolean.parseBoolean(value))
                    : type == ValueType.WHOLE_NUMBER || type == ValueType.AMOUNT
                            ? new BigDecimal(value).add(step).toPlainString()
                            : column.declared().allowed().stream().filter(v -> !v.equals(value)).findFirst()
                                    .orElse("NOT_" + value);
        };
    }

    /** The rule that fired (only this row's may) and the answer it produced. */
    private record Fired(List<String> rules, CheckResult result, FulfilmentItem planned) {
    }

    private static Fired fire(String ruleId, Inputs inputs) {
        CompiledRuleset ruleset = RealRules.compiled();
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                    fired.add(CompiledRuleset.idOf(event.getMatch().getRule().getName()));
                }
            });
            FulfilmentItem item = null;
            if (inputs.question().equals("FulfilmentItem")) {
                Map<String, String> in = inputs.values();
                item = new FulfilmentItem(1, "PRUEBA", in.getOrDefault("kind", "SERVICE"),
                        in.getOrDefault("category", "FIBER_INTERNET"), in.getOrDefault("deliveryMethod", ""));
                session.insert(item);
            } else {
                ExampleFacts.build(inputs.question(), inputs.values()).forEach(session::insert);
            }
            session.fireAllRules(match -> CompiledRuleset.idOf(match.getRule().getName()).equals(ruleId));
            CheckResult result = session.getObjects(o -> o instanceof CheckResult).stream()
                    .map(CheckResult.class::cast).findFirst().orElse(null);
            return new Fired(fired, result, item);
        } finally {
            session.dispose();
        }
    }

    /** The answer of the row is what its action cells say, as read. */
    private static void actionsAsRead(Table table, TableRow row, Fired fired) {
        for (Column column : table.columns()) {
            String value = row.cells().get(column.index());
            if (!column.keyword().equals("ACTION") || value == null) {
                continue;
            }
            String snippet = column.snippet().strip();
            String what = row.id() + " " + column.label();
            if (snippet.startsWith("CheckResult r = $q.answer(")) {
                assertThat(fired.result().getOutcome().name()).as(what).isEqualTo(value);
            } else if (snippet.startsWith("r.setCode(")) {
                assertThat(fired.result().getCode()).as(what).isEqualTo(value);
            } else if (snippet.startsWith("r.setMessage(")) {
                assertThat(fired.result().getMessage()).as(what).matches(template(value));
            } else if (snippet.startsWith("$f.setWork(")) {
                assertThat(fired.planned().getWork()).as(what).isEqualTo(value);
            } else if (snippet.startsWith("$f.setLeadDays(")) {
                assertThat(fired.planned().getLeadDays()).as(what).isEqualTo(Integer.parseInt(value));
            } else if (snippet.startsWith("$f.setWindowDays(")) {
                assertThat(fired.planned().getWindowDays()).as(what).isEqualTo(Integer.parseInt(value));
            } else if (snippet.startsWith("$f.setSlot(")) {
                assertThat(fired.planned().getSlot()).as(what).isEqualTo(value);
            } else if (snippet.startsWith("$f.setInstallationFee(")) {
                assertThat(fired.planned().getInstallationFee()).as(what).isEqualByComparingTo(value);
            } else if (snippet.startsWith("$f.setInstructions(")) {
                assertThat(fired.planned().getInstructions()).as(what).isEqualTo(value);
            }
            // a column added later (another branch adds one) is checked by its own tests
        }
    }

    /** A message as written, with each {placeholder} standing for whatever the facts fill in. */
    private static String template(String message) {
        return java.util.Arrays.stream(message.split("\\{\\w+}", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
    }

    private static List<Column> conditions(Table table) {
        return table.columns().stream().filter(c -> c.keyword().equals("CONDITION")).toList();
    }

    private static String question(Table table) {
        String pattern = conditions(table).get(0).objectType();
        return pattern.substring(pattern.indexOf(':') + 1).strip();
    }

    private static List<RuleFile> shippedTables() {
        return RealRules.files().stream().filter(RuleFile::isDecisionTable).toList();
    }
}
