package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.telco.orders.rules.Orders.VILLA_EL_SALVADOR;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.engine.tables.DecisionTableReader;

/**
 * A business cell is a value of its column's type, never code: text reaches the rule as the very characters typed,
 * numbers and codes only as digits and capitals, whatever a person (or an attacker) writes.
 */
class CellValuesAreDataTest {

    @Test
    void aMessageWithQuotesOrBackslashesIsRefusedNamingItsCell() {
        for (String typed : List.of("Sin fibra\"); System.exit(0); r.setMessage(\"", "Sin fibra\\u0022); x(\\u0022")) {
            RuleFile coverage = Workbooks.edited("coverage.drl.xlsx", sheet -> messageOf(sheet, "COV-010")
                    .setCellValue(typed));
            List<RuleProblem> problems = new ArrayList<>();
            new DecisionTableReader().read(coverage, problems);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.location()).isEqualTo("coverage.drl.xlsx!Cobertura!I11");
                assertThat(p.message()).contains("COV-010").contains("Mensaje");
            });
        }
    }

    @Test
    void aMessageThatLooksLikeCodeIsShownToTheChannelExactlyAsTyped() {
        String typed = "Sin fibra); System.exit(0); r.setMessage(x */ fin {postalCode} $1 ${x}";
        RuleFile coverage = Workbooks.edited("coverage.drl.xlsx", sheet -> messageOf(sheet, "COV-010")
                .setCellValue(typed));

        CompiledRuleset rules = new RulesetCompiler().compile(2, replace(coverage));
        EvaluationResult result = new OrderEvaluator().evaluate(rules,
                Orders.fibre("FIBER-300", 300).at("15311", VILLA_EL_SALVADOR).facts());

        assertThat(Outcomes.only(result, "COVERAGE").getMessage()).isEqualTo(typed.replace("{postalCode}", "15311"));
    }

    @Test
    void aDescriptionCannotCloseItsCommentInTheGeneratedRule() {
        RuleFile coverage = Workbooks.edited("coverage.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "COV-010").getRowIndex(), 1)
                .setCellValue("cierra */ rule \"X-001\" when then System.exit(0); end /* y sigue"));

        CompiledRuleset rules = new RulesetCompiler().compile(2, replace(coverage));

        assertThat(rules.catalog()).doesNotContainKey("X-001").containsKey("COV-010");
    }

    @Test
    void numbersAreReadAsPeopleTypeThemAndAmbiguousOnesAreRefused() {
        assertThat(readCredit("Monto financiado hasta", "6000.50")).isEqualTo("6000.5");
        assertThat(readCredit("Monto financiado hasta", " 7000 ")).isEqualTo("7000");
        assertThat(problemsOfCredit("Monto financiado hasta", "1.000")).anySatisfy(p -> assertThat(p.message())
                .contains("«1.000»").contains("ambiguous"));
        assertThat(problemsOfCredit("Monto financiado hasta", "1.500,50")).anySatisfy(p -> assertThat(p.message())
                .contains("comma for decimals").contains("1500.50"));
        assertThat(problemsOfCredit("Monto financiado hasta", "S/ 500")).anySatisfy(p -> assertThat(p.message())
                .contains("currency sign"));
        assertThat(problemsOfCredit("Puntaje desde", "7OO")).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo("credit.drl.xlsx!Credito!E17");
            assertThat(p.message()).contains("CREDIT-070").contains("Puntaje desde").contains("letter O");
            assertThat(p.message("es")).isEqualTo("Regla CREDIT-070, «Puntaje desde [credit score ≥]»: «7OO» no es un"
                    + " número: tiene la letra O; escribe el dígito 0");
        });
        assertThat(problemsOfCredit("Monto financiado hasta", "1.000")).anySatisfy(p -> assertThat(p.message("es"))
                .contains("«1.000» es ambiguo").contains("1000 o 1.00"));
        assertThat(problemsOfCredit("Puntaje desde", "0 && java.lang.Runtime.getRuntime().exec('id') != null"))
                .anySatisfy(p -> assertThat(p.message()).contains("is not a whole number"));
    }

    @Test
    void anOutcomeOrCodeCellTakesOnlyItsListedValues() {
        assertThat(problemsOfCredit("Resultado", "PASS); System.exit(0); r = $q.answer(Outcome.PASS"))
                .anySatisfy(p -> assertThat(p.message()).contains("is not a code in capitals"));
        assertThat(problemsOfCredit("Resultado", "MAYBE")).anySatisfy(p -> assertThat(p.message())
                .contains("is not one of PASS, REVIEW, FAIL"));
        assertThat(problemsOfCredit("Segmento", "RESIDENCIAL")).anySatisfy(p -> assertThat(p.message())
                .contains("is not one of RESIDENTIAL, BUSINESS"));
    }

    @Test
    void aSnippetThatIsNotDeclaredNeverCompiles() {
        RuleFile credit = Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CONDITION").getRowIndex() + 2, Workbooks.column(sheet, "Puntaje desde"))
                .setCellValue("creditScore >= $param || java.lang.Runtime.getRuntime().exec(\"id\") != null"));

        assertThatThrownBy(() -> new RulesetCompiler().compile(2, replace(credit)))
                .isInstanceOfSatisfying(RulesetInvalid.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.location()).isEqualTo("credit.drl.xlsx!Credito!E9");
                    assertThat(p.message()).contains("not a kind of column");
                }));
    }

    @Test
    void aHiddenRuleSheetIsRefusedInOneSentence() {
        RuleFile hidden = RulesetUploads.workbook("credit.drl.xlsx", workbook -> {
            workbook.setActiveSheet(1);
            workbook.setSheetHidden(0, true);
        });
        List<RuleProblem> problems = new ArrayList<>();
        new DecisionTableReader().read(hidden, problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("credit.drl.xlsx");
            assertThat(p.message()).contains("Credito is hidden");
        });
    }

    private static Cell messageOf(org.apache.poi.ss.usermodel.Sheet sheet, String rule) {
        return Workbooks.cell(sheet, Workbooks.find(sheet, rule).getRowIndex(), Workbooks.column(sheet, "Mensaje"));
    }

    private static String readCredit(String label, String typed) {
        RuleFile credit = editCredit(label, typed);
        List<RuleProblem> problems = new ArrayList<>();
        DecisionTableReader.Table table = new DecisionTableReader().read(credit, problems).get(0);
        assertThat(problems).isEmpty();
        DecisionTableReader.TableRow row = table.rows().stream().filter(r -> r.id().equals("CREDIT-070")).findFirst()
                .orElseThrow();
        int column = table.columns().stream().filter(c -> c.label().startsWith(label)).findFirst().orElseThrow()
                .index();
        assertThat(row.generated().get(column)).isEqualTo(row.cells().get(column));
        return row.cells().get(column);
    }

    private static List<RuleProblem> problemsOfCredit(String label, String typed) {
        List<RuleProblem> problems = new ArrayList<>();
        new DecisionTableReader().read(editCredit(label, typed), problems);
        return problems;
    }

    private static RuleFile editCredit(String label, String typed) {
        return Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, label)).setCellValue(typed));
    }

    private static List<RuleFile> replace(RuleFile file) {
        List<RuleFile> files = new ArrayList<>(RealRules.files());
        files.replaceAll(f -> f.name().equals(file.name()) ? file : f);
        return files;
    }
}
