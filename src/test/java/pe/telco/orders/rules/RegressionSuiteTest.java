package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import java.time.OffsetDateTime;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.suite.SuiteReader;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.suite.RuleCoverage;
import pe.telco.orders.engine.suite.SuiteResult;
import pe.telco.orders.ruleset.sandbox.CandidateChecks;

/**
 * The business's regression suite of whole orders ({@code decision-tables/regression.suite.xlsx}) on the real rules:
 * the shipped cases pass, a case whose expectation the rules no longer meet is reported (not refused), a cell that
 * does not read as its type is named by file, sheet and cell, and coverage lists the rows nothing fires.
 */
class RegressionSuiteTest {

    private static final String SUITE = "regression.suite.xlsx";

    private static CandidateChecks.Result check(List<RuleFile> files) {
        return new CandidateChecks(new ObjectMapper().findAndRegisterModules())
                .run(new CandidateChecks.Request(files, false, List.of(), 2000));
    }

    private static List<RuleFile> withSuite(RuleFile suite) {
        List<RuleFile> files = new ArrayList<>(RealRules.files().stream().filter(f -> !f.isSuite()).toList());
        files.add(suite);
        return files;
    }

    /** What reading the suite alone finds wrong (reading comes before any rule runs). */
    private static List<RuleProblem> readingProblems(RuleFile suite) {
        List<RuleProblem> problems = new ArrayList<>();
        new SuiteReader(DecisionTableReader.Limits.DEFAULT).read(suite, OffsetDateTime.now(), problems);
        return problems;
    }

    @Test
    void theShippedSuitePassesOnTheShippedRules() {
        CandidateChecks.Result result = check(RealRules.files());

        assertThat(result.problems()).isEmpty();
        assertThat(result.suite()).hasSize(23).allSatisfy(c -> assertThat(c.passed())
                .as("%s expects %s %s, the rules answer %s %s", c.id(), c.expectedDecision(), c.expectedReasons(),
                        c.decision(), c.reasons()).isTrue());
        assertThat(result.suite()).extracting(SuiteResult::decision).contains("RELEASED", "HELD", "REJECTED");
        assertThat(result.suite()).filteredOn(c -> c.id().equals("CASO-04")).singleElement().satisfies(c -> {
            assertThat(c.location()).isEqualTo(SUITE + "!Casos!A7");
            assertThat(c.reasons()).containsExactly("NO_FIBRE_AT_ADDRESS");
        });
    }

    @Test
    void coverageListsTheRowsThatNoExampleAndNoCaseFires() {
        RuleCoverage withSuite = check(RealRules.files()).coverage();
        RuleCoverage examplesOnly = check(RealRules.files().stream().filter(f -> !f.isSuite()).toList()).coverage();

        // APPR-080 (a business order of S/ 30000 or more) is in no example and no case
        assertThat(withSuite.notFired()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("APPR-080");
            assertThat(r.file()).isEqualTo("approval.drl.xlsx");
            assertThat(r.sheet()).isEqualTo("Aprobacion");
            assertThat(r.row()).isEqualTo(18);
        });
        // COMP-010 (a second fibre at the same address) only the suite's CASO-11 fires; FUL rows only released cases
        assertThat(examplesOnly.notFired()).extracting(RuleCoverage.NotFired::rule).contains("COMP-010", "FUL-030",
                "DEC-003");
        assertThat(withSuite.notFired()).extracting(RuleCoverage.NotFired::rule).doesNotContain("COMP-010",
                "FUL-030", "DEC-003", "CREDIT-070", "INV-004");
        assertThat(withSuite.fired()).isGreaterThan(examplesOnly.fired());
        assertThat(withSuite.rules()).isEqualTo(withSuite.fired() + withSuite.notFired().size());
    }

    @Test
    void aCaseTheRulesNoLongerMeetIsReportedWithExpectedAndActualNotRefused() {
        RuleFile changed = Workbooks.edited(SUITE, sheet -> cell(sheet, "CASO-01", "Decisión esperada").setCellValue("HELD"));

        CandidateChecks.Result result = check(withSuite(changed));

        assertThat(result.problems()).isEmpty();
        assertThat(result.suite()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("CASO-01");
            assertThat(c.expectedDecision()).isEqualTo("HELD");
            assertThat(c.decision()).isEqualTo("RELEASED");
            assertThat(c.reasons()).isEmpty();
        });
    }

    @Test
    void aCellThatDoesNotReadAsItsTypeIsNamedByFileSheetAndCell() {
        RuleFile letterO = Workbooks.edited(SUITE, sheet -> cell(sheet, "CASO-03", "Puntaje").setCellValue("56O"));
        RuleFile unknownProduct = RulesetUploads.workbook(SUITE, wb -> cell(wb.getSheet("Productos"), "CASO-02",
                "Producto [").setCellValue("PHONE-X99"));
        RuleFile unknownColumn = Workbooks.edited(SUITE, sheet -> cell(sheet, "Caso [case]", "Canal")
                .setCellValue("Canal de venta [salesChannel]"));
        RuleFile badDecision = Workbooks.edited(SUITE, sheet -> cell(sheet, "CASO-05", "Decisión esperada")
                .setCellValue("RECHAZADO"));

        assertThat(check(withSuite(letterO)).problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(SUITE + "!Casos!K6");
            assertThat(p.message()).contains("Case CASO-03", "«56O» is not a number: it contains the letter O");
            assertThat(p.spanish()).contains("Caso CASO-03", "«56O» no es un número: tiene la letra O");
        });
        assertThat(readingProblems(unknownProduct)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(SUITE + "!Productos!B6");
            assertThat(p.message()).contains("«PHONE-X99» is not in sheet Catalogo");
            assertThat(p.spanish()).contains("«PHONE-X99» no está en la hoja Catalogo");
        });
        assertThat(readingProblems(unknownColumn)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(SUITE + "!Casos!C3");
            assertThat(p.message()).contains("Unknown column 'Canal de venta [salesChannel]'");
        });
        assertThat(readingProblems(badDecision)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(SUITE + "!Casos!W8");
            assertThat(p.message()).contains("«RECHAZADO» is not one of RELEASED, HELD, REJECTED");
            assertThat(p.spanish()).contains("«RECHAZADO» no es uno de RELEASED, HELD, REJECTED");
        });
    }

    /** The cell in the row whose first cell is {@code firstCell}, under the heading that starts {@code heading}. */
    static org.apache.poi.ss.usermodel.Cell cell(Sheet sheet, String firstCell, String heading) {
        int row = Workbooks.find(sheet, firstCell).getRowIndex();
        return Workbooks.cell(sheet, row, Workbooks.column(sheet, heading));
    }

}
