package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.RulesetInvalid;

/** The real files build cleanly; a broken table or DRL is refused with the file and cell a person can fix. */
class RulesetCompilerTest {

    private final RulesetCompiler compiler = new RulesetCompiler();

    @Test
    void theRealFilesBuildWithNoMessagesAndEveryRuleIsCatalogued() {
        CompiledRuleset ruleset = compiler.compile(1, RealRules.files());

        assertThat(ruleset.catalog().keySet()).contains("CHK-001", "INV-001", "GUARD-001", "DEC-003", "COV-010",
                "CREDIT-010", "TERMS-010", "TERMS-110", "COMP-010", "APPR-010");
        assertThat(ruleset.catalog().values()).allSatisfy(rule -> {
            assertThat(rule.description()).isNotBlank();
            assertThat(rule.source()).isNotEqualTo("(unknown)");
        });
        assertThat(ruleset.rule("COV-020").orElseThrow().sheet()).isEqualTo("Cobertura");
        assertThat(ruleset.rule("COV-020").orElseThrow().row()).isGreaterThan(10);
        assertThat(ruleset.contentHash()).hasSize(64);
    }

    @Test
    void everyTableHasAtLeastTenRows() {
        CompiledRuleset ruleset = compiler.compile(1, RealRules.files());
        for (String table : List.of("coverage", "credit", "terms", "compatibility", "approval")) {
            assertThat(ruleset.catalog().values().stream()
                    .filter(r -> r.source().equals(table + ".drl.xlsx")).count()).as(table).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void theSameFilesGiveTheSameHash() {
        assertThat(RulesetCompiler.contentHash(RealRules.files())).isEqualTo(RulesetCompiler.contentHash(RealRules.files()));
        List<RuleFile> changed = replace(RealRules.files(), new RuleFile("inventory.drl",
                (new String(RealRules.file("inventory.drl").content(), StandardCharsets.UTF_8) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(RulesetCompiler.contentHash(changed)).isNotEqualTo(RulesetCompiler.contentHash(RealRules.files()));
    }

    @Test
    void refusesABrokenExpressionInACellNamingFileSheetAndCell() {
        String[] cell = new String[1];
        RuleFile broken = Workbooks.edited("credit.drl.xlsx", sheet -> {
            Cell id = Workbooks.find(sheet, "CREDIT-070");
            Cell score = Workbooks.cell(sheet, id.getRowIndex(), Workbooks.column(sheet, "Puntaje desde"));
            score.setCellValue("650 ((");
            cell[0] = score.getAddress().formatAsString();
        });

        List<RuleProblem> problems = problemsOf(replace(RealRules.files(), broken));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo("credit.drl.xlsx!Credito!" + cell[0]);
            assertThat(p.message()).contains("CREDIT-070");
        });
    }

    @Test
    void refusesAnEmptyRuleId() {
        RuleFile broken = Workbooks.edited("coverage.drl.xlsx",
                sheet -> Workbooks.find(sheet, "COV-050").setCellValue(""));

        assertThat(problemsOf(replace(RealRules.files(), broken))).anySatisfy(p -> {
            assertThat(p.location()).matches("coverage\\.drl\\.xlsx!Cobertura![A-Z]+\\d+");
            assertThat(p.message()).contains("NAME");
        });
    }

    @Test
    void refusesADuplicateRuleIdAcrossTwoFiles() {
        RuleFile broken = Workbooks.edited("approval.drl.xlsx",
                sheet -> Workbooks.find(sheet, "APPR-100").setCellValue("COV-010"));

        assertThat(problemsOf(replace(RealRules.files(), broken))).anySatisfy(p -> {
            assertThat(p.location()).startsWith("approval.drl.xlsx!");
            assertThat(p.message()).contains("COV-010").contains("coverage.drl.xlsx");
        });
    }

    @Test
    void refusesRowsBelowABlankRow() {
        RuleFile broken = Workbooks.edited("compatibility.drl.xlsx", sheet -> {
            Cell last = Workbooks.find(sheet, "COMP-110");
            Workbooks.cell(sheet, last.getRowIndex() + 2, last.getColumnIndex()).setCellValue("COMP-120");
        });

        assertThat(problemsOf(replace(RealRules.files(), broken))).anySatisfy(p -> {
            assertThat(p.location()).startsWith("compatibility.drl.xlsx!Compatibilidad!");
            assertThat(p.message()).contains("blank row");
        });
    }

    @Test
    void refusesATableWithoutANameColumn() {
        RuleFile broken = Workbooks.edited("approval.drl.xlsx",
                sheet -> Workbooks.find(sheet, "NAME").setCellValue("NOTES"));

        assertThat(problemsOf(replace(RealRules.files(), broken)))
                .anySatisfy(p -> assertThat(p.message()).contains("no NAME column"));
    }

    @Test
    void refusesADrlSyntaxErrorNamingFileAndLine() {
        RuleFile broken = new RuleFile("inventory.drl", (new String(RealRules.file("inventory.drl").content(),
                StandardCharsets.UTF_8) + "\nrule \"INV-099 Broken\" when $q : InventoryQuestion( then end\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problemsOf(replace(RealRules.files(), broken)))
                .anySatisfy(p -> assertThat(p.location()).startsWith("inventory.drl:"));
    }

    @Test
    void refusesAFileThatIsNotASpreadsheetAndAnEmptyOne() {
        List<RuleFile> files = new ArrayList<>(RealRules.files());
        files.add(new RuleFile("notes.drl.xlsx", "just text".getBytes(StandardCharsets.UTF_8)));
        files.add(new RuleFile("empty.drl.xlsx", new byte[0]));
        files.add(new RuleFile("credit.xlsx", new byte[] {1}));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).extracting(RuleProblem::location)
                .contains("notes.drl.xlsx", "empty.drl.xlsx", "credit.xlsx");
    }

    @Test
    void refusesAFormulaInARuleTableNamingTheCell() {
        RuleFile broken = Workbooks.edited("credit.drl.xlsx", sheet -> {
            Cell id = Workbooks.find(sheet, "CREDIT-070");
            Workbooks.cell(sheet, id.getRowIndex(), Workbooks.column(sheet, "Puntaje desde")).setCellFormula("600+50");
        });

        assertThat(problemsOf(replace(RealRules.files(), broken))).anySatisfy(p -> {
            assertThat(p.location()).startsWith("credit.drl.xlsx!Credito!");
            assertThat(p.message()).contains("formula");
        });
    }

    @Test
    void refusesMacroEnabledWorkbooksAndLinksToOtherWorkbooks() throws Exception {
        RuleFile macros;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(RealRules.file("approval.drl.xlsx").content()));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            workbook.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM);
            workbook.write(out);
            macros = new RuleFile("approval.drl.xlsx", out.toByteArray());
        }
        RuleFile linked;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(RealRules.file("terms.drl.xlsx").content()));
                org.apache.poi.xssf.usermodel.XSSFWorkbook other = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            other.createSheet("Tasas");
            workbook.linkExternalWorkbook("tasas.xlsx", other);
            workbook.write(out);
            linked = new RuleFile("terms.drl.xlsx", out.toByteArray());
        }

        assertThat(problemsOf(replace(RealRules.files(), macros)))
                .anySatisfy(p -> assertThat(p.message()).contains("macros"));
        assertThat(problemsOf(replace(RealRules.files(), linked)))
                .anySatisfy(p -> assertThat(p.message()).contains("links to other workbooks"));
    }

    private List<RuleProblem> problemsOf(List<RuleFile> files) {
        RulesetInvalid invalid = (RulesetInvalid) org.assertj.core.api.Assertions.catchThrowable(
                () -> compiler.compile(2, files));
        assertThat(invalid).as("the ruleset should have been refused").isNotNull();
        return invalid.problems();
    }

    private static List<RuleFile> replace(List<RuleFile> files, RuleFile replacement) {
        List<RuleFile> result = new ArrayList<>(files.stream().filter(f -> !f.name().equals(replacement.name())).toList());
        result.add(replacement);
        return result;
    }
}
