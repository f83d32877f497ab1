package pe.telco.orders.audit.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import pe.telco.orders.evaluation.facts.Decision;

/** The stored record of one evaluation: decision, results, facts and the exact ruleset it ran under. Append-only. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    @Column(name = "order_number")
    private String orderNumber;
    private String channel;
    @Column(name = "customer_document")
    private String customerDocument;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Decision decision;
    @Column(name = "ruleset_version")
    private int rulesetVersion;
    @Column(name = "ruleset_hash")
    private String rulesetHash;
    @JdbcTypeCode(SqlTypes.JSON)
    private String facts;
    @JdbcTypeCode(SqlTypes.JSON)
    private String results;
    @Column(name = "evaluated_at")
    private OffsetDateTime evaluatedAt;
    @Column(name = "duration_micros")
    private long durationMicros;
    private String actor;
    @Column(name = "app_version")
    private String appVersion;
    @Column(name = "drools_version")
    private String droolsVersion;
    /** The OpenTelemetry trace the decision was made in: operational, not part of the sealed record. */
    @Column(name = "trace_id")
    private String traceId;

    protected Evaluation() {
    }

    Evaluation(DecisionEntry entry, String facts, String results, String traceId) {
        this.orderId = entry.orderId();
        this.orderNumber = entry.orderNumber();
        this.channel = entry.channel();
        this.customerDocument = entry.customerDocument();
        this.decision = entry.result().decision();
        this.rulesetVersion = entry.result().rulesetVersion();
        this.rulesetHash = entry.result().rulesetHash();
        this.facts = facts;
        this.results = results;
        this.evaluatedAt = entry.evaluatedAt();
        this.durationMicros = entry.result().durationMicros();
        this.actor = entry.actor();
        this.appVersion = entry.appVersion();
        this.droolsVersion = entry.droolsVersion();
        this.traceId = traceId;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public String getOrderNumber() { return orderNumber; }
    public String getChannel() { return channel; }
    public String getCustomerDocument() { return customerDocument; }
    public Decision getDecision() { return decision; }
    public int getRulesetVersion() { return rulesetVersion; }
    public String getRulesetHash() { return rulesetHash; }
    public String getFacts() { return facts; }
    public String getResults() { return results; }
    public OffsetDateTime getEvaluatedAt() { return evaluatedAt; }
    public long getDurationMicros() { return durationMicros; }
    public String getActor() { return actor; }
    public String getAppVersion() { return appVersion; }
    public String getDroolsVersion() { return droolsVersion; }
    public String getTraceId() { return traceId; }
}
