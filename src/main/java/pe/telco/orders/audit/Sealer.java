package pe.telco.orders.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.record.MonthPartitions;
import pe.telco.orders.common.OperatorTime;

/**
 * Chains committed evaluations into evaluation_seal, a moment after they commit, on one background thread; across
 * instances a transaction-level advisory lock lets one seal at a time. Evaluations are taken in (xid, id) order and
 * only below the oldest transaction still running (pg_snapshot_xmin): no evaluation can commit later with a place
 * before the head of the chain, so the chain never has to be reordered and the channels' requests never wait for it.
 * The chain is carried month by month: each link follows the last link of its evaluation's month (see MonthHeads).
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class);
    static final long LOCK = 727004;

    private final DataSource db;
    private final AuditConfig config;
    private final OperatorTime time;
    private final Timer timer;
    private ScheduledExecutorService thread;

    public Sealer(DataSource db, AuditConfig config, OperatorTime time, MeterRegistry meters) {
        this.db = db;
        this.config = config;
        this.time = time;
        this.timer = Timer.builder("orders.audit.sealing").description("Time to seal one batch of evaluations")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.sealerEnabled()) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-sealer"));
        long interval = config.sealInterval().toMillis();
        thread.scheduleWithFixedDelay(this::sealSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdown();
        }
    }

    private void sealSafely() {
        try {
            while (sealBatch() == config.sealBatch()) {
                // a full batch: more are waiting
            }
        } catch (Exception e) {
            // expected while the database is away (it is retried): one line, the stack only at DEBUG
            LOG.warnf("Sealing evaluations failed; will retry: %s", e.toString());
            LOG.debug("Sealing failure", e);
        }
    }

    /** Seals the next batch of committed evaluations; returns how many (0 when another instance holds the lock). */
    public int sealBatch() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sealed = sealBatch(c);
                c.commit();
                if (sealed > 0) {
                    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
                return sealed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private int sealBatch(Connection c) throws SQLException {
        if (!single(c, "select pg_try_advisory_xact_lock(" + LOCK + ")").equals("t")) {
            return 0;
        }
        Head head = Head.of(c);
        String xmin = single(c, "select pg_snapshot_xmin(pg_current_snapshot())::text");
        List<Long> ids = new ArrayList<>();
        List<String> xids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        // Ordered by the xid8 column itself (a bare "xid" beside "xid::text" would sort the text: 1001 before 999).
        // The next batch is taken first, then each row is checked for a seal by one index probe (never a scan of the
        // seal table): an evaluation already sealed out of order by an earlier fault is skipped, not retried for ever.
        try (PreparedStatement s = c.prepareStatement("select next.id, next.xid::text, next.evaluated_at from"
                + " (select e.id, e.xid, e.evaluated_at from evaluation e where (e.xid, e.id) > (?::xid8, ?)"
                + " and e.xid < ?::xid8 order by e.xid, e.id limit ?) next"
                + " where not exists (select 1 from evaluation_seal s where s.evaluation_id = next.id)"
                + " order by next.xid, next.id")) {
            s.setString(1, head.xid());
            s.setLong(2, head.evaluationId());
            s.setString(3, xmin);
            s.setInt(4, config.sealBatch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    xids.add(rs.getString(2));
                    times.add(rs.getObject(3, OffsetDateTime.class));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, ObjectNode> documents = EvaluationDigest.documents(c, ids, times);
        MonthHeads heads = new MonthHeads(c);
        OffsetDateTime now = time.now();
        try (PreparedStatement insert = c.prepareStatement("insert into evaluation_seal (seq, evaluation_id,"
                + " evaluation_xid, prev_hash, hash, sealed_at, evaluated_at, month)"
                + " values (?, ?, ?::xid8, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                YearMonth month = MonthPartitions.monthOf(times.get(i));
                String prev = heads.previousFor(month);
                String hash = EvaluationDigest.hash(documents.get(ids.get(i)), prev);
                insert.setLong(1, head.seq() + i + 1);
                insert.setLong(2, ids.get(i));
                insert.setString(3, xids.get(i));
                insert.setString(4, prev);
                insert.setString(5, hash);
                insert.setObject(6, now);
                insert.setObject(7, times.get(i));
                insert.setObject(8, month.atDay(1));
                insert.addBatch();
                heads.advance(month, hash);
            }
            insert.executeBatch();
        }
        return ids.size();
    }

    /**
     * Where each month's chain stands while a batch is sealed: a link follows the last link of its own month; a
     * month's first link follows the last link of the nearest earlier month that has one (the month before's final
     * hash, in the normal course of time), or the genesis. Heads are read from the seal table once per month per
     * batch (two index probes on (month, seq)) and then advanced in memory.
     */
    static final class MonthHeads {

        private final Connection c;
        private final TreeMap<YearMonth, String> heads = new TreeMap<>();
        private final java.util.Set<YearMonth> loaded = new java.util.HashSet<>();

        MonthHeads(Connection c) {
            this.c = c;
        }

        String previousFor(YearMonth month) throws SQLException {
            load(month);
            String own = heads.get(month);
            if (own != null) {
                return own;
            }
            Map.Entry<YearMonth, String> earlier = heads.lowerEntry(month);
            return earlier == null ? EvaluationDigest.GENESIS : earlier.getValue();
        }

        void advance(YearMonth month, String hash) {
            heads.put(month, hash);
        }

        private void load(YearMonth month) throws SQLException {
            if (!loaded.add(month)) {
                return;
            }
            LocalDate first = month.atDay(1);
            try (PreparedStatement own = c.prepareStatement("select hash from evaluation_seal where month = ?"
                    + " order by seq desc limit 1")) {
                own.setObject(1, first);
                try (ResultSet rs = own.executeQuery()) {
                    if (rs.next()) {
                        heads.putIfAbsent(month, rs.getString(1));
                    }
                }
            }
            try (PreparedStatement earlier = c.prepareStatement("select month, hash from evaluation_seal"
                    + " where month < ? order by month desc, seq desc limit 1")) {
                earlier.setObject(1, first);
                try (ResultSet rs = earlier.executeQuery()) {
                    if (rs.next()) {
                        // a head already in memory for that month is newer (sealed in this batch)
                        heads.putIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2));
                    }
                }
            }
        }
    }

    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The last link of the chain (or the genesis before the first). */
    record Head(long seq, long evaluationId, String xid, String hash) {

        static Head of(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select seq, evaluation_id,"
                    + " evaluation_xid::text, hash from evaluation_seal order by seq desc limit 1")) {
                return rs.next() ? new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))
                        : new Head(0, 0, "0", EvaluationDigest.GENESIS);
            }
        }
    }
}
