package pe.telco.orders.audit.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.audit.record.Evaluation;
import pe.telco.orders.audit.record.RuleFiring;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.evaluation.facts.CheckResult;

/**
 * Re-runs a stored evaluation's facts on the ruleset version it ran under (never the active one) and compares the
 * decision, every result and the firing sequence field by field. Rules read time from the facts, so they must agree.
 */
@ApplicationScoped
public class Replayer {

    private static final String[] RESULT_FIELDS = {"check", "line", "productCode", "outcome", "code", "message",
            "ruleId"};

    private final DecisionRecord record;
    private final CompiledRulesets rulesets;
    private final ObjectMapper json;
    private final String appVersion;
    private final OrderEvaluator evaluator = new OrderEvaluator();

    public Replayer(DecisionRecord record, CompiledRulesets rulesets, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String appVersion) {
        this.record = record;
        this.rulesets = rulesets;
        this.json = json;
        this.appVersion = appVersion;
    }

    @Transactional
    public ReplayReport replay(long evaluationId) {
        StoredDecision stored = record.find(evaluationId).orElseThrow(() -> new NotFound("Evaluation", evaluationId));
        Evaluation original = stored.evaluation();
        CompiledRuleset ruleset = rulesets.version(original.getRulesetVersion());
        EvaluationResult replayed = evaluator.evaluate(ruleset, FactsSnapshot.read(json, original.getFacts()));
        List<ReplayReport.Difference> differences = new ArrayList<>();
        compare(differences, "decision", original.getDecision().name(), replayed.decision().name());
        compareResults(differences, tree(original.getResults()), json.valueToTree(replayed.results()));
        compareFirings(differences, stored.firings(), replayed.firings());
        return new ReplayReport(evaluationId, original.getRulesetVersion(),
                ruleset.contentHash().equals(original.getRulesetHash()), original.getAppVersion(), appVersion,
                original.getDecision().name(), replayed.decision().name(), differences.isEmpty(), differences);
    }

    private static void compareResults(List<ReplayReport.Difference> out, JsonNode original, JsonNode replayed) {
        compare(out, "results.size", String.valueOf(original.size()), String.valueOf(replayed.size()));
        for (int i = 0; i < Math.min(original.size(), replayed.size()); i++) {
            for (String field : RESULT_FIELDS) {
                compare(out, "results[" + i + "]." + field, text(original.get(i), field), text(replayed.get(i), field));
            }
        }
    }

    private static void compareFirings(List<ReplayReport.Difference> out, List<RuleFiring> original,
            List<Firing> replayed) {
        compare(out, "firings.size", String.valueOf(original.size()), String.valueOf(replayed.size()));
        for (int i = 0; i < Math.min(original.size(), replayed.size()); i++) {
            RuleFiring stored = original.get(i);
            Firing again = replayed.get(i);
            compare(out, "firings[" + i + "].ruleId", stored.getRuleId(),
                    again.rule() == null ? again.ruleName() : again.rule().id());
            CheckResult produced = again.produced().isEmpty() ? null : again.produced().get(0);
            compare(out, "firings[" + i + "].outcome", stored.getOutcome(),
                    produced == null ? null : produced.getOutcome().name());
            compare(out, "firings[" + i + "].reasonCode", stored.getReasonCode(),
                    produced == null ? null : produced.getCode());
        }
    }

    private static void compare(List<ReplayReport.Difference> out, String field, String original, String replayed) {
        if (!Objects.equals(original, replayed)) {
            out.add(new ReplayReport.Difference(field, original, replayed));
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored results are unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
