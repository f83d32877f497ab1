package pe.telco.orders.ruleset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** One version of the rules: its content hash, what it was based on, who made it and whether it is live. */
@Entity
@Table(name = "ruleset")
public class RulesetVersion {

    @Id
    private Integer version;
    @Column(name = "content_hash")
    private String contentHash;
    @Column(name = "base_version")
    private Integer baseVersion;
    @Enumerated(EnumType.STRING)
    private RulesetStatus status;
    private String author;
    private String comment;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "activated_at")
    private OffsetDateTime activatedAt;
    @Column(name = "activated_by")
    private String activatedBy;
    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    private String withdrawnBy;
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    private String report;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected RulesetVersion() {
    }

    public RulesetVersion(int version, String contentHash, Integer baseVersion, String author, String comment,
            OffsetDateTime createdAt) {
        this.version = version;
        this.contentHash = contentHash;
        this.baseVersion = baseVersion;
        this.status = RulesetStatus.CANDIDATE;
        this.author = author;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    void activate(String by, OffsetDateTime at) {
        this.status = RulesetStatus.ACTIVE;
        this.activatedBy = by;
        this.activatedAt = at;
    }

    void retire() {
        this.status = RulesetStatus.RETIRED;
    }

    void withdraw(String by, String reason, OffsetDateTime at) {
        this.status = RulesetStatus.WITHDRAWN;
        this.withdrawnBy = by;
        this.withdrawalReason = reason;
        this.withdrawnAt = at;
    }

    void report(String json) {
        this.report = json;
    }

    public Integer getVersion() { return version; }
    public String getReport() { return report; }
    public String getContentHash() { return contentHash; }
    public Integer getBaseVersion() { return baseVersion; }
    public RulesetStatus getStatus() { return status; }
    public String getAuthor() { return author; }
    public String getComment() { return comment; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getActivatedAt() { return activatedAt; }
    public String getActivatedBy() { return activatedBy; }
    public OffsetDateTime getWithdrawnAt() { return withdrawnAt; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public String getWithdrawalReason() { return withdrawalReason; }
}
