package pe.telco.orders.audit.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Optional;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.evaluation.facts.Check;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Outcome;
import pe.telco.orders.tracing.TraceIds;

/**
 * The one owner of the decision record: stores an evaluation with its firings, and gives it back (latest for an
 * order, one by id) with its results decoded once, here. The audit readers, replay, explanation and the impact
 * preview's snapshots all read the record through this package; nothing else writes it.
 */
@ApplicationScoped
public class DecisionRecord {

    private final EvaluationRepository evaluations;
    private final ObjectMapper json;
    private final Event<DecisionStored> stored;
    private final MonthPartitions months;

    public DecisionRecord(EvaluationRepository evaluations, ObjectMapper json, Event<DecisionStored> stored,
            MonthPartitions months) {
        this.evaluations = evaluations;
        this.json = json;
        this.stored = stored;
        this.months = months;
    }

    /**
     * Stores a decision in the caller's transaction: the evaluation row (with the id of the trace it was made in),
     * then its firings in one batch, outside the persistence context. The month's partition normally exists already (created ahead); only an
     * evaluation dated in a month not seen yet costs one more statement, which creates it.
     */
    public StoredDecision store(DecisionEntry entry) {
        months.ensure(entry.evaluatedAt(), evaluations.getEntityManager());
        Evaluation evaluation = new Evaluation(entry, FactsSnapshot.write(json, entry.facts()),
                write(entry.result().results()), TraceIds.current());
        evaluations.persist(evaluation); // inserted at once: its id comes from the table
        List<RuleFiring> firings = entry.result().firings().stream()
                .map(firing -> new RuleFiring(evaluation.getId(), evaluation.getEvaluatedAt(), firing)).toList();
        evaluations.storeFirings(firings);
        stored.fire(new DecisionStored(evaluation.getId(), entry.orderId(), entry.orderNumber(),
                entry.result().rulesetVersion(), entry.result().decision().name(), evaluation.getFacts()));
        return new StoredDecision(evaluation, entry.result().results(), firings); // as stored: no read back
    }

    /** The newest evaluation of an order, if it was ever evaluated. */
    public Optional<StoredDecision> latestFor(long orderId) {
        return evaluations.latestFor(orderId).map(this::withDetail);
    }

    /** An order's newest evaluation with its results but not its firings (answers that show no firings). */
    public Optional<StoredDecision> latestResultsOf(long orderId) {
        return evaluations.latestFor(orderId).map(e -> new StoredDecision(e, read(e.getResults()), List.of()));
    }

    /** One stored evaluation by id. */
    public Optional<StoredDecision> find(long evaluationId) {
        return evaluations.findByIdOptional(evaluationId).map(this::withDetail);
    }

    private StoredDecision withDetail(Evaluation evaluation) {
        return new StoredDecision(evaluation, read(evaluation.getResults()), evaluations.firingsOf(evaluation.getId()));
    }

    private String write(List<CheckResult> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write evaluation JSON", e);
        }
    }

    private List<CheckResult> read(String results) {
        try {
            return List.of(json.readValue(results, StoredResult[].class)).stream().map(StoredResult::toResult).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evaluation results are unreadable", e);
        }
    }

    /** A check result as stored in the evaluation's JSON. */
    record StoredResult(String check, int line, String productCode, String outcome, String code, String message,
            String channelMessage, String ruleId) {

        CheckResult toResult() {
            CheckResult result = new CheckResult(Check.valueOf(check), line, productCode, Outcome.valueOf(outcome),
                    java.util.Map.of());
            result.setCode(code);
            result.setMessage(message);
            if (channelMessage != null) { // decided before tables had a channel-message column
                result.setChannelMessage(channelMessage);
            }
            result.setRuleId(ruleId);
            return result;
        }
    }
}
