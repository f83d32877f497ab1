package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.tables.ExampleCases;
import pe.telco.orders.engine.tables.TableWarnings;
import pe.telco.orders.ruleset.tables.RulesetDiff;

/** A business user's checks on tables: their own example cases, quality warnings under first hit, and the diff. */
class TableChecksTest {

    @Test
    void theRealWorkbooksExamplesAllPass() {
        for (String name : List.of("credit.drl.xlsx", "coverage.drl.xlsx")) {
            List<RuleProblem> problems = new ArrayList<>();
            List<ExampleCases.ExampleResult> results = new ExampleCases().run(RealRules.file(name), RealRules.compiled(),
                    problems);
            assertThat(problems).as(name).isEmpty();
            assertThat(results).as(name).hasSizeGreaterThanOrEqualTo(8).allMatch(ExampleCases.ExampleResult::passed);
        }
    }

    @Test
    void aFailingExampleNamesItsCellAndWhatTheTableAnswered() {
        RuleFile credit = Workbooks.edited("credit.drl.xlsx", sheet -> { });
        RuleFile edited = editExamples(credit, "EJ-01", 8, "FAIL");
        List<RuleProblem> problems = new ArrayList<>();
        new ExampleCases().run(edited, RealRules.compiled(), problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("credit.drl.xlsx!Ejemplos!I4");
            assertThat(p.message()).contains("EJ-01 expects FAIL", "answers PASS / GOOD_PAYER", "CREDIT-070");
        });
    }

    @Test
    void warnsOfARowThatCanNeverFireOverlapsAndAGap() {
        RuleFile crafted = Workbooks.edited("credit.drl.xlsx", sheet -> {
            // CREDIT-020 becomes RESIDENTIAL with debt ≥ 400: it now covers CREDIT-010 (debt ≥ 500) below... no, above
            Cell business = Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-020").getRowIndex(), 2);
            business.setCellValue("RESIDENTIAL");
            Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-010").getRowIndex(),
                    Workbooks.column(sheet, "Deuda vencida desde")).setCellValue(400);
            Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-120").getRowIndex(), 2).setCellValue("RESIDENTIAL");
            Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-110").getRowIndex(), 2).setCellValue("RESIDENTIAL");
            Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-040").getRowIndex(), 2).setCellValue("RESIDENTIAL");
        });
        List<RuleProblem> warnings = TableWarnings.of(
                new DecisionTableReader().read(crafted, new ArrayList<>()).get(0));

        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.location()).isEqualTo("credit.drl.xlsx!Credito!A12");
            assertThat(w.message()).contains("CREDIT-020 can never fire", "CREDIT-010");
        });
        assertThat(warnings).anySatisfy(w -> assertThat(w.message()).contains("overlaps"));
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.location()).isEqualTo("credit.drl.xlsx!Credito!C10");
            assertThat(w.message()).contains("segment BUSINESS");
        });
    }

    @Test
    void theRealTablesHaveNoDeadRowsOrGaps() {
        for (RuleFile file : RealRules.files().stream().filter(RuleFile::isDecisionTable).toList()) {
            for (DecisionTableReader.Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
                assertThat(TableWarnings.of(table)).as(file.name())
                        .noneMatch(w -> w.message().contains("never fire") || w.message().contains("No row"));
            }
        }
    }

    @Test
    void anExceptionAboveTheGeneralRowItNarrowsIsNotAnOverlapWarningButAPartialOverlapIs() {
        RuleFile approval = RealRules.file("approval.drl.xlsx");
        List<RuleProblem> approvalWarnings = TableWarnings.of(
                new DecisionTableReader().read(approval, new ArrayList<>()).get(0));
        // APPR-010..050 (REVIEW) are special cases of the catch-all APPR-060 (PASS) below them: the intended layout
        assertThat(approvalWarnings).noneMatch(w -> w.message().contains("overlaps"));

        List<RuleProblem> creditWarnings = TableWarnings.of(
                new DecisionTableReader().read(RealRules.file("credit.drl.xlsx"), new ArrayList<>()).get(0));
        // CREDIT-010 (overdue debt of S/ 500 or more) and CREDIT-050 (no credit history, up to S/ 1500 in 12
        // instalments) each match cases the other does not
        assertThat(creditWarnings).anySatisfy(w -> {
            assertThat(w.location()).isEqualTo("credit.drl.xlsx!Credito!A15");
            assertThat(w.message()).contains("CREDIT-050", "overlaps row CREDIT-010");
        });
    }

    @Test
    void diffNamesChangedRowsCellByCellAndShowsEveryValueOfAddedAndRemovedOnes() {
        RuleFile edited = Workbooks.edited("credit.drl.xlsx", sheet -> {
            Workbooks.cell(sheet, Workbooks.find(sheet, "CREDIT-070").getRowIndex(),
                    Workbooks.column(sheet, "Monto financiado hasta")).setCellValue(7000);
            Workbooks.find(sheet, "CREDIT-120").setCellValue("CREDIT-125");
        });
        List<RuleFile> after = new ArrayList<>(RealRules.files());
        after.replaceAll(f -> f.name().equals("credit.drl.xlsx") ? edited : f);
        after.removeIf(f -> f.name().equals("inventory.drl"));

        RulesetDiff.Diff diff = RulesetDiff.between(RealRules.files(), after);

        assertThat(diff.filesRemoved()).containsExactly("inventory.drl");
        assertThat(diff.filesAdded()).isEmpty();
        assertThat(diff.filesChanged()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("credit.drl.xlsx");
            assertThat(file.rulesAdded()).containsExactly("CREDIT-125");
            assertThat(file.rulesRemoved()).containsExactly("CREDIT-120");
            assertThat(file.rowsAdded()).singleElement().satisfies(row -> {
                assertThat(row.newRow()).isEqualTo(22);
                assertThat(row.cells()).contains(new RulesetDiff.CellChange("Id de regla [NAME]", "", "CREDIT-125"),
                        new RulesetDiff.CellChange("Puntaje desde [credit score ≥]", "", "500"),
                        new RulesetDiff.CellChange("Resultado (PASS / REVIEW / FAIL)", "", "REVIEW"));
            });
            assertThat(file.rowsRemoved()).singleElement().satisfies(row -> assertThat(row.cells())
                    .contains(new RulesetDiff.CellChange("Id de regla [NAME]", "CREDIT-120", "")));
            assertThat(file.otherSheets()).isEmpty();
            assertThat(file.rulesChanged()).singleElement().satisfies(row -> {
                assertThat(row.rule()).isEqualTo("CREDIT-070");
                assertThat(row.cells()).containsExactly(new RulesetDiff.CellChange(
                        "Monto financiado hasta (S/) [financed total ≤]", "6000", "7000"));
            });
        });
    }

    @Test
    void diffShowsAChangedExampleAndLegendByCell() {
        RuleFile edited = RulesetUploads.workbook("credit.drl.xlsx", workbook -> {
            var examples = workbook.getSheet("Ejemplos");
            Workbooks.cell(examples, Workbooks.find(examples, "EJ-02").getRowIndex(), 8).setCellValue("REVIEW");
            Workbooks.cell(workbook.getSheet("Leyenda"), 0, 0).setCellValue("Leyenda revisada");
        });
        List<RuleFile> after = new ArrayList<>(RealRules.files());
        after.replaceAll(f -> f.name().equals("credit.drl.xlsx") ? edited : f);

        RulesetDiff.FileChange file = RulesetDiff.between(RealRules.files(), after).filesChanged().get(0);

        assertThat(file.rulesChanged()).isEmpty();
        assertThat(file.otherSheets()).anySatisfy(sheet -> {
            assertThat(sheet.sheet()).isEqualTo("Ejemplos");
            assertThat(sheet.cells()).containsExactly(new RulesetDiff.CellChange("I5", "FAIL", "REVIEW"));
        });
        assertThat(file.otherSheets()).anySatisfy(sheet -> {
            assertThat(sheet.sheet()).isEqualTo("Leyenda");
            assertThat(sheet.cells()).singleElement().satisfies(c -> assertThat(c.newValue())
                    .isEqualTo("Leyenda revisada"));
        });
    }

    /** Sets the expected outcome of one example in a copy of the workbook. */
    static RuleFile editExamples(RuleFile file, String example, int column, String value) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(file.content())); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.getSheet("Ejemplos");
            Workbooks.cell(sheet, Workbooks.find(sheet, example).getRowIndex(), column).setCellValue(value);
            workbook.write(out);
            return new RuleFile(file.name(), out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
