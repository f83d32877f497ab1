package pe.telco.orders.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.audit.ChainVerification.RetentionRunReport;
import pe.telco.orders.audit.EvaluationDigest;

/**
 * Holds every retention run against its record for the verification report: an applied run's hash must follow the
 * run applied before it, and its pseudonymisation records must still give the digest and count it was sealed with.
 */
public final class RetentionRunCheck {

    private RetentionRunCheck() {
    }

    public static List<RetentionRunReport> all(Connection c) throws SQLException {
        List<RetentionRun> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select " + RetentionRun.COLUMNS + " from audit_retention_run"
                + " order by applied_at nulls last, id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                runs.add(RetentionRun.from(rs));
            }
        }
        List<RetentionRunReport> reports = new ArrayList<>();
        String prev = EvaluationDigest.GENESIS;
        for (RetentionRun run : runs) {
            String problem = null;
            if (run.status().equals("APPLIED")) {
                RunDigest.Records records = RunDigest.records(c, run.id());
                if (records.count() != run.pseudonymised()) {
                    problem = "The run recorded " + run.pseudonymised() + " pseudonymised evaluations; "
                            + records.count() + " records remain";
                } else if (!records.digest().equals(run.recordsDigest())) {
                    problem = "The run's pseudonymisation records changed after it was applied (digest mismatch)";
                } else if (!prev.equals(run.prevHash())) {
                    problem = "The run does not follow the run applied before it (its previous hash differs)";
                } else if (!RunDigest.hash(run, run.recordsDigest(), run.prevHash()).equals(run.hash())) {
                    problem = "The run's record changed after it was applied (hash mismatch)";
                }
                prev = run.hash() == null ? prev : run.hash();
            }
            reports.add(new RetentionRunReport(run.id(), run.month(), run.status(), run.reason(), run.requestedBy(),
                    run.requestedAt(), run.approvedBy(), run.approvedAt(), run.appliedAt(), run.pseudonymised(),
                    run.held(), run.hash(), problem == null, problem));
        }
        return reports;
    }
}
