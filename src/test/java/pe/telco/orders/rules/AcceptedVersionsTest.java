package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.engine.tables.DecisionTableReader;

/**
 * The table limits guard uploads only. A version accepted under a raised {@code orders.rules.limits.rows-per-table}
 * (the growth benchmark's 10,000-row credit table was refused at its activation, compiled there with the default
 * 2,000) or kept active after a lower limit is set must compile and read whole wherever it is used afterwards.
 */
class AcceptedVersionsTest {

    private static final int ROWS = 2_100;

    @Test
    void aTableAcceptedUnderARaisedLimitCompilesAndReadsWholeAfterwards() {
        List<RuleFile> files = new ArrayList<>(RealRules.files());
        RuleFile credit = Workbooks.creditTableOf(ROWS);
        files.replaceAll(f -> f.name().equals(credit.name()) ? credit : f);

        assertThatThrownBy(() -> new RulesetCompiler(DecisionTableReader.Limits.DEFAULT).compile(2, files))
                .as("an upload under the default limit").isInstanceOf(RulesetInvalid.class)
                .hasMessageContaining("more than 2000 rows");

        CompiledRuleset accepted = new RulesetCompiler().compile(2, files);
        assertThat(accepted.catalog().keySet().stream().filter(id -> id.startsWith("CREDIT-9")))
                .as("every added row is a rule").hasSize(ROWS - 12);
        List<RuleProblem> problems = new ArrayList<>();
        List<DecisionTableReader.Table> tables = new DecisionTableReader().read(credit, problems);
        assertThat(problems).isEmpty();
        assertThat(tables).singleElement().satisfies(t -> assertThat(t.rows()).hasSize(ROWS));
    }
}
