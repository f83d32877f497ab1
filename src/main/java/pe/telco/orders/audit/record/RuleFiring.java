package pe.telco.orders.audit.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.engine.RuleInfo;
import pe.telco.orders.evaluation.facts.CheckResult;

/** One rule that fired during a stored evaluation: which rule, where it is written, and what it produced. */
@Entity
@Table(name = "rule_firing")
public class RuleFiring {

    /** Evaluation and firing order. */
    @Embeddable
    public record Key(@Column(name = "evaluation_id") Long evaluationId, @Column(name = "sequence") Integer sequence)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;
    /** The evaluation's time: the partition key, so a firing lives in its evaluation's month. */
    @Column(name = "evaluated_at")
    private OffsetDateTime evaluatedAt;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "rule_name")
    private String ruleName;
    private String description;
    private String source;
    private String sheet;
    @Column(name = "row_number")
    private Integer row;
    @Column(name = "check_name")
    private String check;
    @Column(name = "item_line")
    private Integer itemLine;
    private String outcome;
    @Column(name = "reason_code")
    private String reasonCode;

    protected RuleFiring() {
    }

    RuleFiring(long evaluationId, OffsetDateTime evaluatedAt, Firing firing) {
        this.key = new Key(evaluationId, firing.sequence());
        this.evaluatedAt = evaluatedAt;
        RuleInfo rule = firing.rule();
        this.ruleId = rule == null ? firing.ruleName() : rule.id();
        this.ruleName = firing.ruleName();
        this.description = rule == null ? null : rule.description();
        this.source = rule == null ? null : rule.source();
        this.sheet = rule == null ? null : rule.sheet();
        this.row = rule == null ? null : rule.row();
        if (!firing.produced().isEmpty()) {
            CheckResult result = firing.produced().get(0);
            this.check = result.getCheck().name();
            this.itemLine = result.getLine();
            this.outcome = result.getOutcome().name();
            this.reasonCode = result.getCode();
        }
    }

    public Key getKey() { return key; }
    public OffsetDateTime getEvaluatedAt() { return evaluatedAt; }
    public String getRuleId() { return ruleId; }
    public String getRuleName() { return ruleName; }
    public String getDescription() { return description; }
    public String getSource() { return source; }
    public String getSheet() { return sheet; }
    public Integer getRow() { return row; }
    public String getCheck() { return check; }
    public Integer getItemLine() { return itemLine; }
    public String getOutcome() { return outcome; }
    public String getReasonCode() { return reasonCode; }
}
