package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** Counts of a period, and the rules and table rows of the versions used in it that never fired (dead rules). */
public record AuditSummary(OffsetDateTime from, OffsetDateTime to, long evaluations, List<Count> byDecision,
        List<Count> byChannel, List<Count> byRulesetVersion, List<ReasonCount> byCheckAndReason,
        List<Count> byRule, List<DeadRule> deadRules) {

    /** How many evaluations (or firings, for rules) had this value. */
    public record Count(String value, long count) {
    }

    /** How many results a check gave with this outcome and reason code. */
    public record ReasonCount(String check, String outcome, String reasonCode, long count) {
    }

    /** How many evaluations of one day (in Lima) had this decision. */
    public record DayCount(java.time.LocalDate day, String decision, long count) {
    }

    /** A rule of a version used in the period that fired for no evaluation of that version in the period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadRule(int rulesetVersion, String ruleId, String description, String source, String sheet,
            Integer row) {
    }
}
