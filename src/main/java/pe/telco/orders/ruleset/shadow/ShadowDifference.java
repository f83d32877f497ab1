package pe.telco.orders.ruleset.shadow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One live evaluation the shadow candidate decided otherwise (or with other reasons, or could not decide). Kept apart
 * from the decision record: the live evaluation is untouched, and this row only points at it.
 */
@Entity
@Table(name = "shadow_difference")
public class ShadowDifference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "run_id")
    long runId;
    @Column(name = "evaluation_id")
    long evaluationId;
    @Column(name = "order_id")
    long orderId;
    @Column(name = "order_number")
    String orderNumber;
    @Column(name = "live_version")
    int liveVersion;
    @Column(name = "live_decision")
    String liveDecision;
    @Column(name = "shadow_decision")
    String shadowDecision;
    @Column(name = "decision_changed")
    boolean decisionChanged;
    /** Rule ids, comma-separated; reasons as "CHECK OUTCOME CODE", separated by "; ". */
    String rules;
    @Column(name = "live_reasons")
    String liveReasons;
    @Column(name = "shadow_reasons")
    String shadowReasons;
    String failure;
    @Column(name = "compared_at")
    OffsetDateTime comparedAt;

    protected ShadowDifference() {
    }

    ShadowDifference(long runId, long evaluationId, long orderId, String orderNumber, int liveVersion,
            String liveDecision, OffsetDateTime at) {
        this.runId = runId;
        this.evaluationId = evaluationId;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.liveVersion = liveVersion;
        this.liveDecision = liveDecision;
        this.comparedAt = at;
        this.rules = "";
        this.liveReasons = "";
        this.shadowReasons = "";
    }
}
