package pe.telco.orders.engine.tables;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.SessionRunner;
import pe.telco.orders.evaluation.facts.CheckResult;

/**
 * The business user's own tests of a table: a sheet named {@code Ejemplos} with a header row starting with
 * {@code Ejemplo}, one column per input ({@code Puntaje [creditScore]}: the name in brackets is the input), an
 * optional {@code Tabla} column naming the RuleTable, and the columns {@code Resultado esperado} and
 * {@code Código esperado}. Each row below is one case, up to the first blank row; each is run on the candidate.
 */
public final class ExampleCases {

    /** One example as run: what was expected and what the table answered, by which rule. */
    public record ExampleResult(String file, String location, String example, String expectedOutcome,
            String expectedCode, String outcome, String code, String rule, boolean passed) {
    }

    private static final Pattern INPUT = Pattern.compile("\\[(\\w+)]\\s*$");
    private static final Pattern QUESTION = Pattern.compile(":\\s*(\\w+Question)");
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    /** Runs the examples of {@code file} on the candidate; a failing or unreadable example is a problem. */
    public List<ExampleResult> run(RuleFile file, CompiledRuleset candidate, List<RuleProblem> problems) {
        List<ExampleResult> results = new ArrayList<>();
        if (!file.isDecisionTable()) {
            return results;
        }
        Map<String, String> questions = questionsByTable(file);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                if (sheet.getSheetName().toLowerCase(Locale.ROOT).startsWith("ejemplo")) {
                    runSheet(file.name(), sheet, questions, candidate.kieBase(), results, problems);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return results; // unreadable workbooks are reported by the compiler
        }
        return results;
    }

    private void runSheet(String file, Sheet sheet, Map<String, String> questions, KieBase kieBase,
            List<ExampleResult> results, List<RuleProblem> problems) {
        int header = findHeader(sheet);
        if (header < 0) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), "A1",
                    "The examples sheet needs a header row whose first cell is 'Ejemplo'",
                    "La hoja de ejemplos necesita una fila de títulos cuya primera celda sea «Ejemplo»"));
            return;
        }
        Map<Integer, String> inputs = new LinkedHashMap<>();
        int expectedOutcome = -1, expectedCode = -1, table = -1;
        for (Cell cell : sheet.getRow(header)) {
            String label = text(cell);
            String lower = label.toLowerCase(Locale.ROOT);
            Matcher input = INPUT.matcher(label);
            if (lower.startsWith("resultado esperado")) {
                expectedOutcome = cell.getColumnIndex();
            } else if (lower.startsWith("código esperado") || lower.startsWith("codigo esperado")) {
                expectedCode = cell.getColumnIndex();
            } else if (lower.equals("tabla")) {
                table = cell.getColumnIndex();
            } else if (input.find()) {
                if (!ExampleFacts.DEFAULTS.containsKey(input.group(1))) {
                    problems.add(RuleProblem.atCell(file, sheet.getSheetName(), ref(cell), "Unknown input ["
                            + input.group(1) + "]; inputs are " + String.join(", ", ExampleFacts.DEFAULTS.keySet()),
                            "Dato desconocido [" + input.group(1) + "]; los datos posibles son "
                            + String.join(", ", ExampleFacts.DEFAULTS.keySet())));
                    return;
                }
                inputs.put(cell.getColumnIndex(), input.group(1));
            }
        }
        if (expectedOutcome < 0) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), DecisionTableReader.cellRef(header, 0),
                    "The examples need a 'Resultado esperado' column (PASS / REVIEW / FAIL)",
                    "Los ejemplos necesitan una columna «Resultado esperado» (PASS / REVIEW / FAIL)"));
            return;
        }
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || text(row.getCell(0)).isEmpty()) {
                break;
            }
            Map<String, String> given = new LinkedHashMap<>();
            inputs.forEach((c, name) -> given.put(name, text(row.getCell(c))));
            String tableName = table < 0 ? "" : text(row.getCell(table));
            String question = tableName.isEmpty() ? questions.values().stream().findFirst().orElse("")
                    : questions.getOrDefault(tableName, "");
            String location = file + "!" + sheet.getSheetName() + "!" + DecisionTableReader.cellRef(r, expectedOutcome);
            ExampleResult result = runOne(file, location, text(row.getCell(0)), question, given,
                    text(row.getCell(expectedOutcome)), expectedCode < 0 ? "" : text(row.getCell(expectedCode)),
                    kieBase, problems);
            if (result != null) {
                results.add(result);
            }
        }
    }

    private ExampleResult runOne(String file, String location, String id, String question, Map<String, String> given,
            String expectedOutcome, String expectedCode, KieBase kieBase, List<RuleProblem> problems) {
        List<Object> facts;
        try {
            facts = ExampleFacts.build(question, given);
        } catch (ExampleFacts.UnreadableInput e) {
            problems.add(new RuleProblem(location, "Example " + id + ": " + e.getMessage(), "Ejemplo " + id + ": "
                    + e.spanish()));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(location, "Example " + id + ": " + e.getMessage(), "Ejemplo " + id
                    + ": no se puede armar un caso para esta tabla"));
            return null;
        }
        List<CheckResult> answers = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        SessionRunner.run(kieBase, facts, new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof CheckResult answer && event.getRule() != null) {
                    answers.add(answer);
                    rules.add(CompiledRuleset.idOf(event.getRule().getName()));
                }
            }
        });
        String outcome = answers.isEmpty() ? "" : answers.get(0).getOutcome().name();
        String code = answers.isEmpty() ? "" : answers.get(0).getCode();
        String rule = rules.isEmpty() ? "" : rules.get(0);
        boolean passed = outcome.equalsIgnoreCase(expectedOutcome)
                && (expectedCode.isEmpty() || expectedCode.equalsIgnoreCase(code));
        if (!passed) {
            problems.add(new RuleProblem(location, "Example " + id + " expects " + expectedOutcome
                    + (expectedCode.isEmpty() ? "" : " / " + expectedCode) + " but the table answers " + outcome
                    + " / " + code + " (rule " + rule + ")", "El ejemplo " + id + " espera " + expectedOutcome
                    + (expectedCode.isEmpty() ? "" : " / " + expectedCode) + ", pero la tabla responde " + outcome
                    + " / " + code + " (regla " + rule + ")"));
        }
        return new ExampleResult(file, location, id, expectedOutcome, expectedCode, outcome, code, rule, passed);
    }

    /** RuleTable name → the question its rows answer ({@code $q : CreditQuestion}). */
    private static Map<String, String> questionsByTable(RuleFile file) {
        Map<String, String> questions = new LinkedHashMap<>();
        for (DecisionTableReader.Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
            table.columns().stream().map(c -> QUESTION.matcher(c.objectType())).filter(Matcher::find)
                    .map(m -> m.group(1)).filter(ExampleFacts.QUESTIONS::contains).findFirst()
                    .ifPresent(q -> questions.put(table.name(), q));
        }
        return questions;
    }

    private int findHeader(Sheet sheet) {
        for (Row row : sheet) {
            if (text(row.getCell(0)).equalsIgnoreCase("Ejemplo")) {
                return row.getRowNum();
            }
        }
        return -1;
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }

    private static String ref(Cell cell) {
        return DecisionTableReader.cellRef(cell.getRowIndex(), cell.getColumnIndex());
    }
}
