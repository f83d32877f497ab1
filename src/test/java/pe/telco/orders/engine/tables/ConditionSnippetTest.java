package pe.telco.orders.engine.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.tables.ConditionSnippet.Kind;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.Table;
import pe.telco.orders.rules.RealRules;

/** One reading of a condition snippet: every condition of the shipped tables is understood, the same way by all. */
class ConditionSnippetTest {

    @Test
    void readsTheThreeShapesAConditionMayHave() {
        assertThat(ConditionSnippet.parse(" creditScore >= $param "))
                .isEqualTo(new ConditionSnippet(Kind.COMPARISON, "creditScore", ">=", null, null, null));
        assertThat(ConditionSnippet.parse("segment == \"$param\""))
                .isEqualTo(new ConditionSnippet(Kind.COMPARISON, "segment", "==", null, null, null));
        assertThat(ConditionSnippet.parse("inCategories(\"$param\")"))
                .isEqualTo(new ConditionSnippet(Kind.IN_LIST, "category", "IN", "inCategories", null, null));
        assertThat(ConditionSnippet.parse("speedFor($q.requestedMbps) == \"$param\"")).isEqualTo(new ConditionSnippet(
                Kind.METHOD_OF_BINDING, "speedFor($q.requestedMbps)", "==", "speedFor", "$q", "requestedMbps"));
        assertThat(ConditionSnippet.parse("eval(true)").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void everyConditionOfTheShippedTablesIsUnderstoodAndTheWarningsReadItAlike() {
        int conditions = 0;
        for (RuleFile file : RealRules.files().stream().filter(RuleFile::isDecisionTable).toList()) {
            for (Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
                for (Column column : table.columns()) {
                    if (!column.keyword().equals("CONDITION")) {
                        continue;
                    }
                    ConditionSnippet snippet = ConditionSnippet.parse(column.snippet());
                    assertThat(snippet.kind()).as("%s %s", file.name(), column.snippet()).isNotEqualTo(Kind.OTHER);
                    assertThat(Condition.of(column).field()).isEqualTo(snippet.subject());
                    conditions++;
                }
            }
        }
        assertThat(conditions).as("condition columns in the shipped tables").isGreaterThan(20);
    }
}
