package pe.telco.orders.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record a retention run leaves of one evaluation it pseudonymised: the run, the seal the evaluation had, a
 * digest of the facts it replaced, and the hash the rewritten evaluation gives on that same link.
 */
record Pseudonymisation(long evaluationId, long runId, long sealSeq, String originalDigest,
        String pseudonymisedHash) {

    /** The pseudonymisations among these evaluations, by evaluation id (usually none). */
    static Map<Long, Pseudonymisation> of(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Pseudonymisation> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select p.evaluation_id, p.run_id, p.seal_seq,"
                + " p.original_digest, p.pseudonymised_hash from unnest(?::bigint[]) as wanted(id)"
                + " join evaluation_pseudonymised p on p.evaluation_id = wanted.id")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Pseudonymisation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return found;
    }
}
