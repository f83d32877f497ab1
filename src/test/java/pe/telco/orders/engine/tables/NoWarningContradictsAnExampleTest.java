package pe.telco.orders.engine.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.tables.ExampleCases.ExampleResult;
import pe.telco.orders.rules.RealRules;

/**
 * A warning that a row can never fire must never stand beside an example result showing that row fire: on every
 * shipped table, on a table edited so that a row really is shadowed, and the upload's safety net drops such a
 * warning when the checker and the engine ever disagree.
 */
class NoWarningContradictsAnExampleTest {

    private static final Pattern NEVER = Pattern.compile("^Row (\\S+) can never fire");

    @Test
    void noShippedTableWarnsThatARowItsExamplesFireCanNeverFire() {
        for (RuleFile file : RealRules.files().stream().filter(RuleFile::isDecisionTable).toList()) {
            assertConsistent(file, RealRules.compiled());
        }
    }

    @Test
    void aRowShadowedByTheRowAboveIsWarnedAboutAndNoExampleSeesItFire() {
        // CREDIT-090 narrowed to scores 650-700: CREDIT-080 above (650 and more, nothing else) takes all its cases
        RuleFile credit = edited(sheet -> {
            int row = find(sheet, "CREDIT-090").getRowIndex();
            sheet.getRow(row).getCell(column(sheet, "Puntaje desde")).setCellValue(650);
            sheet.getRow(row).getCell(column(sheet, "Puntaje hasta")).setCellValue(700);
        });
        List<RuleFile> files = new ArrayList<>(RealRules.files().stream()
                .filter(f -> !f.name().equals(credit.name())).toList());
        files.add(credit);
        CompiledRuleset compiled = new RulesetCompiler().compile(2, files);

        List<String> neverFiring = assertConsistent(credit, compiled);

        assertThat(neverFiring).contains("CREDIT-090");
        assertThat(new ExampleCases().run(credit, compiled, new ArrayList<>())).as("the credit examples ran")
                .isNotEmpty();
    }

    @Test
    void theUploadDropsANeverFiresWarningThatAnExampleContradicts() {
        String location = "credit.drl.xlsx!Credito!A19";
        String never = "Row CREDIT-090 can never fire: row CREDIT-080 (row 18) above it matches every case it matches";
        ExampleResult fired = new ExampleResult("credit.drl.xlsx", "credit.drl.xlsx!Ejemplos!F4", "E3", "PASS",
                "ACCEPTABLE_PAYER", "PASS", "ACCEPTABLE_PAYER", "CREDIT-090", true);
        ExampleResult elsewhere = new ExampleResult("approval.drl.xlsx", "approval.drl.xlsx!Ejemplos!F4", "E1",
                "PASS", "", "PASS", "", "CREDIT-090", true);

        assertThat(TableWarnings.contradictedBy(location, never, List.of(fired))).isTrue();
        assertThat(TableWarnings.contradictedBy(location, never, List.of(elsewhere))).isFalse();
        assertThat(TableWarnings.contradictedBy(location, "Row CREDIT-090 (PASS) overlaps row CREDIT-080 (REVIEW,"
                + " row 18): where both match, CREDIT-080 decides", List.of(fired))).isFalse();
    }

    /** Every never-fires warning of the file's tables, checked against what its examples saw fire. */
    private static List<String> assertConsistent(RuleFile file, CompiledRuleset compiled) {
        List<String> neverFiring = new ArrayList<>();
        for (DecisionTableReader.Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
            for (RuleProblem warning : TableWarnings.of(table)) {
                Matcher m = NEVER.matcher(warning.message());
                if (m.find()) {
                    neverFiring.add(m.group(1));
                }
            }
        }
        List<ExampleResult> examples = new ExampleCases().run(file, compiled, new ArrayList<>());
        assertThat(examples.stream().map(ExampleResult::rule).filter(neverFiring::contains))
                .as("rules the examples of %s saw fire that a warning says can never fire", file.name()).isEmpty();
        return neverFiring;
    }

    private static RuleFile edited(java.util.function.Consumer<Sheet> edit) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                RealRules.file("credit.drl.xlsx").content())); var out = new java.io.ByteArrayOutputStream()) {
            edit.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return new RuleFile("credit.drl.xlsx", out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Cell find(Sheet sheet, String text) {
        return cells(sheet).filter(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().trim().equals(text))
                .findFirst().orElseThrow();
    }

    private static int column(Sheet sheet, String label) {
        return cells(sheet).filter(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith(label))
                .findFirst().orElseThrow().getColumnIndex();
    }

    private static Stream<Cell> cells(Sheet sheet) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : sheet) {
            row.forEach(cells::add);
        }
        return cells.stream();
    }
}
