package pe.telco.orders.audit.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.AuditConfig;
import pe.telco.orders.audit.EvaluationDigest;
import pe.telco.orders.audit.record.MonthPartitions;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;

/**
 * Retention of personal data in the decision record, four eyes: one person requests a run on a month old enough, a
 * different person approves it, and only then are that month's sealed evaluations pseudonymised (orders under legal
 * hold excepted), in batches, through the owner's narrow database function; the run is sealed when done.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final long RUNS_LOCK = 727014;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource db;
    private final AuditConfig config;
    private final OperatorTime time;
    private final MonthPartitions partitions;

    public RetentionService(DataSource db, AuditConfig config, OperatorTime time, MonthPartitions partitions) {
        this.db = db;
        this.config = config;
        this.time = time;
        this.partitions = partitions;
    }

    /** A month, whether it has its own partition, and whether retention may be run on it now. */
    public record MonthStatus(String month, boolean partition, boolean retentionDue) {
    }

    public List<MonthStatus> months() {
        YearMonth newest = newestRetainable();
        return partitions.months().stream().map(m -> new MonthStatus(m.toString(), true,
                newest != null && !m.isAfter(newest))).toList();
    }

    public RetentionRun request(String month, String reason, String actor) {
        YearMonth wanted = parse(month);
        YearMonth newest = newestRetainable();
        if (newest == null) {
            throw new StateConflict("Retention is off: set orders.audit.retention.months to allow runs", "OFF");
        }
        if (wanted.isAfter(newest)) {
            throw new InvalidInput("month", "must have ended at least " + config.retention().months().getAsInt()
                    + " months ago: the newest month retention may touch now is " + newest);
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into"
                + " audit_retention_run (month, reason, requested_by, requested_at, status)"
                + " values (?, ?, ?, ?, 'REQUESTED') returning " + RetentionRun.COLUMNS)) {
            s.setObject(1, wanted.atDay(1));
            s.setString(2, reason);
            s.setString(3, actor);
            s.setObject(4, time.now());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return RetentionRun.from(rs);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new StateConflict("A retention run on " + wanted + " is already open: approve it or let it"
                        + " finish", "REQUESTED");
            }
            throw failed(e);
        }
    }

    public List<RetentionRun> runs() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select "
                + RetentionRun.COLUMNS + " from audit_retention_run order by id desc limit 500");
                ResultSet rs = s.executeQuery()) {
            List<RetentionRun> runs = new ArrayList<>();
            while (rs.next()) {
                runs.add(RetentionRun.from(rs));
            }
            return runs;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public RetentionRun run(long id) {
        try (Connection c = db.getConnection()) {
            return run(c, id);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * A second person approves; the run is applied at once, batch by batch (an interrupted run is resumed by its
     * approver approving again). Returns the run as applied.
     */
    public RetentionRun approve(long id, String approver) {
        RetentionRun run = run(id);
        if (run.status().equals("APPLIED")) {
            throw new StateConflict("Retention run " + id + " was applied on " + run.appliedAt(), "APPLIED");
        }
        if (run.requestedBy().equals(approver)) {
            throw new StateConflict("Retention run " + id + " was requested by " + approver
                    + ": a different person must approve it", run.status());
        }
        if (run.status().equals("APPLYING") && !approver.equals(run.approvedBy())) {
            throw new StateConflict("Retention run " + id + " was approved by " + run.approvedBy()
                    + " and is being applied", "APPLYING");
        }
        try {
            if (run.status().equals("REQUESTED")) {
                markApproved(id, approver);
            }
            PersonalData personal = PersonalData.keyed(config.retention().pseudonymKey());
            YearMonth month = YearMonth.parse(run.month());
            long after = 0;
            long done = 0;
            for (long last = applyBatch(id, month, personal, after); last > 0; last = applyBatch(id, month, personal,
                    after)) {
                after = last;
                done++;
            }
            RetentionRun applied = finish(id, month);
            LOG.infof("Retention run %d on %s applied: %d evaluations pseudonymised, %d kept for legal hold, %d"
                    + " not sealed (%d batches)", id, month, applied.pseudonymised(), applied.held(),
                    applied.unsealed(), done);
            return applied;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void markApproved(long id, String approver) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update audit_retention_run"
                + " set approved_by = ?, approved_at = ?, status = 'APPLYING' where id = ? and status = 'REQUESTED'")) {
            s.setString(1, approver);
            s.setObject(2, time.now());
            s.setLong(3, id);
            if (s.executeUpdate() == 0) {
                throw new StateConflict("Retention run " + id + " was approved by someone else meanwhile", "APPLYING");
            }
        }
    }

    /** One batch in one transaction; returns the last evaluation id done, 0 when nothing was left. */
    private long applyBatch(long runId, YearMonth month, PersonalData personal, long after) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long last = applyBatch(c, runId, month, personal, after);
                c.commit();
                return last;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private long applyBatch(Connection c, long runId, YearMonth month, PersonalData personal, long after)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<String> prevs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select e.id, e.evaluated_at, s.seq, s.prev_hash, s.hash"
                + " from evaluation e join evaluation_seal s"
                + " on s.evaluation_id = e.id and s.evaluated_at = e.evaluated_at"
                + " where e.evaluated_at >= ? and e.evaluated_at < ? and e.id > ?"
                + " and not exists (select 1 from evaluation_pseudonymised p where p.evaluation_id = e.id)"
                + " and not exists (select 1 from audit_legal_hold h where h.order_id = e.order_id"
                + " and h.lifted_at is null) order by e.id limit ?")) {
            s.setObject(1, start(month));
            s.setObject(2, start(month.plusMonths(1)));
            s.setLong(3, after);
            s.setInt(4, config.retention().batch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    times.add(rs.getObject(2, OffsetDateTime.class));
                    seqs.add(rs.getLong(3));
                    prevs.add(rs.getString(4));
                    hashes.add(rs.getString(5));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, ObjectNode> documents = EvaluationDigest.documents(c, ids, times);
        String[] facts = new String[ids.size()];
        String[] customerDocuments = new String[ids.size()];
        String[] originals = new String[ids.size()];
        String[] replacedHashes = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode document = documents.get(ids.get(i));
            if (document == null || !EvaluationDigest.hash(document, prevs.get(i)).equals(hashes.get(i))) {
                throw new StateConflict("Evaluation " + ids.get(i) + " no longer matches its seal " + seqs.get(i)
                        + ": nothing was pseudonymised in this batch; verify the chain (GET /api/audit/verification)",
                        "APPLYING");
            }
            JsonNode evaluation = document.get("evaluation");
            PersonalData.Replaced replaced = personal.replace(evaluation.get("facts"),
                    evaluation.get("customerDocument").asText());
            ObjectNode original = JSON.createObjectNode();
            original.put("customerDocument", evaluation.get("customerDocument").asText());
            original.set("facts", evaluation.get("facts"));
            originals[i] = EvaluationDigest.digest(original);
            facts[i] = replaced.facts().toString();
            customerDocuments[i] = replaced.customerDocument();
            replacedHashes[i] = EvaluationDigest.hash(EvaluationDigest.withPersonalDataReplaced(document,
                    replaced.facts(), replaced.customerDocument()), prevs.get(i));
        }
        try (PreparedStatement s = c.prepareStatement("select audit_pseudonymise(?, x.id, x.facts::jsonb, x.document,"
                + " x.seq, x.original, x.hash, ?::text[]) from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[],"
                + " ?::text[], ?::text[]) as x(id, facts, document, seq, original, hash)")) {
            s.setLong(1, runId);
            s.setArray(2, c.createArrayOf("text", PersonalData.FIELDS.toArray()));
            s.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            s.setArray(4, c.createArrayOf("text", facts));
            s.setArray(5, c.createArrayOf("text", customerDocuments));
            s.setArray(6, c.createArrayOf("bigint", seqs.toArray()));
            s.setArray(7, c.createArrayOf("text", originals));
            s.setArray(8, c.createArrayOf("text", replacedHashes));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // one row per evaluation, nothing to read
                }
            }
        }
        // read back as stored: the recorded hash must be what the verifier will compute from the rows
        Map<Long, ObjectNode> stored = EvaluationDigest.documents(c, ids, times);
        for (int i = 0; i < ids.size(); i++) {
            if (!EvaluationDigest.hash(stored.get(ids.get(i)), prevs.get(i)).equals(replacedHashes[i])) {
                throw new IllegalStateException("Evaluation " + ids.get(i) + " reads back differently from what was"
                        + " pseudonymised; the batch is rolled back");
            }
        }
        return ids.get(ids.size() - 1);
    }

    /** Counts what was left, digests the run's records, links it to the run applied before, and seals it. */
    private RetentionRun finish(long id, YearMonth month) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(" + RUNS_LOCK + ")")) {
                    lock.executeQuery().close();
                }
                long held = count(c, "select count(*) from evaluation e"
                        + " where e.evaluated_at >= ? and e.evaluated_at < ?"
                        + " and exists (select 1 from audit_legal_hold h where h.order_id = e.order_id"
                        + " and h.lifted_at is null)", month);
                long unsealed = count(c, "select count(*) from evaluation e where e.evaluated_at >= ?"
                        + " and e.evaluated_at < ? and not exists (select 1 from evaluation_seal s"
                        + " where s.evaluation_id = e.id)", month);
                RunDigest.Records records = RunDigest.records(c, id);
                String prev = EvaluationDigest.GENESIS;
                try (PreparedStatement s = c.prepareStatement("select hash from audit_retention_run"
                        + " where status = 'APPLIED' order by applied_at desc, id desc limit 1");
                        ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        prev = rs.getString(1);
                    }
                }
                RetentionRun run = run(c, id);
                RetentionRun applied = new RetentionRun(run.id(), run.month(), "APPLIED", run.reason(),
                        run.requestedBy(), run.requestedAt(), run.approvedBy(), run.approvedAt(), time.now(),
                        records.count(), held, unsealed, records.digest(), prev, null);
                String hash = RunDigest.hash(applied, records.digest(), prev);
                try (PreparedStatement s = c.prepareStatement("update audit_retention_run set status = 'APPLIED',"
                        + " applied_at = ?, pseudonymised = ?, held = ?, unsealed = ?, records_digest = ?,"
                        + " prev_hash = ?, hash = ? where id = ?")) {
                    s.setObject(1, applied.appliedAt());
                    s.setLong(2, records.count());
                    s.setLong(3, held);
                    s.setLong(4, unsealed);
                    s.setString(5, records.digest());
                    s.setString(6, prev);
                    s.setString(7, hash);
                    s.setLong(8, id);
                    s.executeUpdate();
                }
                RetentionRun result = run(c, id);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static long count(Connection c, String sql, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, start(month));
            s.setObject(2, start(month.plusMonths(1)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static RetentionRun run(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + RetentionRun.COLUMNS
                + " from audit_retention_run where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound("Retention run", id);
                }
                return RetentionRun.from(rs);
            }
        }
    }

    /** The newest month a run may touch now, or null when retention is off. */
    private YearMonth newestRetainable() {
        if (config.retention().months().isEmpty()) {
            return null;
        }
        return MonthPartitions.monthOf(time.now()).minusMonths(config.retention().months().getAsInt() + 1L);
    }

    private static OffsetDateTime start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1).atStartOfDay(OperatorTime.ZONE).toOffsetDateTime();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "must be a month as YYYY-MM");
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("The retention record could not be read or written: " + e.getMessage(), e);
    }
}
