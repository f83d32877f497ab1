package pe.telco.orders.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** A ruleset version as answered: its life, and in detail its files and what its upload checks found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetResponse(int version, String status, Integer baseVersion, String contentHash, String author,
        String comment, OffsetDateTime createdAt, OffsetDateTime activatedAt, String activatedBy,
        Withdrawal withdrawal, List<FileInfo> files, JsonNode report) {

    /** Who withdrew a candidate, when and why. */
    public record Withdrawal(String by, OffsetDateTime at, String reason) {

        static Withdrawal of(RulesetVersion v) {
            return v.getWithdrawnAt() == null ? null
                    : new Withdrawal(v.getWithdrawnBy(), OperatorTime.local(v.getWithdrawnAt()), v.getWithdrawalReason());
        }
    }

    /** One file: name, size in bytes, SHA-256 and where to download its exact bytes. */
    public record FileInfo(String name, int size, String sha256, String download) {
    }

    public static RulesetResponse summary(RulesetVersion v) {
        return new RulesetResponse(v.getVersion(), v.getStatus().name(), v.getBaseVersion(), v.getContentHash(),
                v.getAuthor(), v.getComment(), OperatorTime.local(v.getCreatedAt()), OperatorTime.local(v.getActivatedAt()),
                v.getActivatedBy(),
                Withdrawal.of(v), null, null);
    }

    public static RulesetResponse detail(RulesetVersion v, List<StoredRuleFile> files, ObjectMapper json) {
        List<FileInfo> infos = files.stream().map(f -> new FileInfo(f.getKey().name(), f.size(), f.getSha256(),
                "/api/rulesets/" + v.getVersion() + "/files/" + f.getKey().name())).toList();
        JsonNode report = null;
        try {
            report = v.getReport() == null ? null : json.readTree(v.getReport());
        } catch (java.io.IOException e) {
            report = null;
        }
        return new RulesetResponse(v.getVersion(), v.getStatus().name(), v.getBaseVersion(), v.getContentHash(),
                v.getAuthor(), v.getComment(), OperatorTime.local(v.getCreatedAt()), OperatorTime.local(v.getActivatedAt()),
                v.getActivatedBy(),
                Withdrawal.of(v), infos, report);
    }
}
