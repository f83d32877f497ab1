package pe.telco.orders.audit.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import pe.telco.orders.audit.EvaluationDigest;

/**
 * What seals a retention run: a digest of every pseudonymisation it recorded (in evaluation order), and the SHA-256 of
 * the canonical JSON of the run with that digest and the previous applied run's hash. Service and verifier share it.
 */
final class RunDigest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDigest() {
    }

    /** The digest of a run's pseudonymisation records and how many there are. */
    record Records(String digest, long count) {
    }

    static Records records(Connection c, long runId) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        long count = 0;
        try (PreparedStatement s = c.prepareStatement("select evaluation_id, seal_seq, original_digest,"
                + " pseudonymised_hash, array_to_string(fields, ',') from evaluation_pseudonymised where run_id = ?"
                + " order by evaluation_id")) {
            s.setFetchSize(1_000);
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":" + rs.getString(4)
                            + ":" + rs.getString(5) + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            }
        }
        return new Records(HexFormat.of().formatHex(sha.digest()), count);
    }

    /** The run's hash: everything recorded about it, its records' digest and the previous run's hash. */
    static String hash(RetentionRun run, String recordsDigest, String prevHash) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", run.id());
        n.put("month", run.month());
        n.put("reason", run.reason());
        n.put("requestedBy", run.requestedBy());
        n.put("requestedAt", instant(run.requestedAt()));
        n.put("approvedBy", run.approvedBy());
        n.put("approvedAt", instant(run.approvedAt()));
        n.put("appliedAt", instant(run.appliedAt()));
        n.put("pseudonymised", run.pseudonymised());
        n.put("held", run.held());
        n.put("unsealed", run.unsealed());
        n.put("recordsDigest", recordsDigest);
        n.put("prevHash", prevHash);
        return EvaluationDigest.digest(n);
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
