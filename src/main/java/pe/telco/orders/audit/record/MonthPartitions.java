package pe.telco.orders.audit.record;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.AuditConfig;
import pe.telco.orders.common.OperatorTime;

/**
 * The monthly partitions of the decision record (evaluation and rule_firing, by evaluated_at in Lima): created at
 * start and every day for this month and the next few, through the owner's {@code audit_ensure_month} (the
 * application role needs no CREATE on the schema), and on demand for an evaluation dated in a month not seen yet.
 */
@ApplicationScoped
public class MonthPartitions {

    private static final Logger LOG = Logger.getLogger(MonthPartitions.class);

    private final DataSource db;
    private final AuditConfig config;
    private final OperatorTime time;
    /** Months known to have their partition (or known to be held in the default partition): nothing more to do. */
    private final Set<YearMonth> ready = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService thread;

    public MonthPartitions(DataSource db, AuditConfig config, OperatorTime time) {
        this.db = db;
        this.config = config;
        this.time = time;
    }

    void start(@Observes StartupEvent event) {
        createAhead();
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-partitions"));
        long every = config.partitions().interval().toMillis();
        thread.scheduleWithFixedDelay(this::createAhead, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdown();
        }
    }

    /** The month an instant belongs to for the record: the operator's calendar (America/Lima). */
    public static YearMonth monthOf(OffsetDateTime at) {
        return YearMonth.from(at.atZoneSameInstant(OperatorTime.ZONE));
    }

    /** Creates the partitions of last month, this month and {@code orders.audit.partitions.months-ahead} more. */
    public void createAhead() {
        YearMonth now = monthOf(time.now());
        try (Connection c = db.getConnection()) {
            for (int i = -1; i <= config.partitions().monthsAhead(); i++) {
                YearMonth month = now.plusMonths(i);
                if (!ready.contains(month)) {
                    ensure(c, month);
                    ready.add(month);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // retried on the next round; inserts still succeed (a default partition takes what has no month)
            LOG.warnf("Creating the audit record's monthly partitions failed; will retry: %s", e.toString());
        }
    }

    /** Makes sure the month of {@code at} has its partition, in the caller's transaction (one statement, rarely). */
    void ensure(OffsetDateTime at, EntityManager em) {
        YearMonth month = monthOf(at);
        if (ready.contains(month)) {
            return;
        }
        em.createNativeQuery("select audit_ensure_month(cast(?1 as date))").setParameter(1, month.atDay(1))
                .getSingleResult();
        ready.add(month);
    }

    /** The months that have a partition, oldest first. */
    public List<YearMonth> months() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select c.relname"
                + " from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'evaluation'::regclass and c.relname ~ '^evaluation_y[0-9]{4}m[0-9]{2}$'");
                ResultSet rs = s.executeQuery()) {
            Set<YearMonth> months = new TreeSet<>();
            while (rs.next()) {
                String name = rs.getString(1);
                months.add(YearMonth.of(Integer.parseInt(name.substring(12, 16)),
                        Integer.parseInt(name.substring(17))));
            }
            return List.copyOf(months);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit record's partitions failed: " + e.getMessage(), e);
        }
    }

    private static void ensure(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select audit_ensure_month(?)")) {
            s.setObject(1, LocalDate.of(month.getYear(), month.getMonth(), 1));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    LOG.infof("Created the audit record's partitions for %s", month);
                }
            }
        }
    }
}
