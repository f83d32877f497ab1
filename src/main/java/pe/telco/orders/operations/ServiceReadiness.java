package pe.telco.orders.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.events.EventsConfig;
import pe.telco.orders.ruleset.ActiveRuleset;

/**
 * Ready to take orders: the active ruleset is compiled and the database answers. The answer also says which ruleset
 * version runs here, how far the audit sealer is behind and (with events on) how many events wait for the relay;
 * those two are reported, never a reason to take the instance out of rotation (orders keep being taken meanwhile).
 */
@Readiness
@ApplicationScoped
public class ServiceReadiness implements HealthCheck {

    static final String NAME = "orders";
    private static final Logger LOG = Logger.getLogger(ServiceReadiness.class);

    private final ActiveRuleset rules;
    private final DataSource db;
    private final EventsConfig events;
    private final OperationsConfig config;

    public ServiceReadiness(ActiveRuleset rules, DataSource db, EventsConfig events, OperationsConfig config) {
        this.rules = rules;
        this.db = db;
        this.events = events;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).up();
        CompiledRuleset active = rules.current();
        if (active == null) {
            answer.down().withData("ruleset", "no active ruleset compiled yet");
        } else {
            answer.withData("rulesetVersion", active.version()).withData("rulesetHash", active.contentHash());
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, config.readinessQueryTimeout().toSeconds()));
            Backlog unsealed = Backlog.read(s, SEALER_LAG.formatted(config.backlogCountLimit() + 1),
                    config.backlogCountLimit());
            answer.withData("database", "answers")
                    .withData("sealerLagEvaluations", unsealed.count())
                    .withData("sealerLagSeconds", unsealed.oldestSeconds());
            if (events.enabled()) {
                Backlog outbox = Backlog.read(s, OUTBOX_BACKLOG.formatted(config.backlogCountLimit() + 1),
                        config.backlogCountLimit());
                answer.withData("outboxBacklog", outbox.count()).withData("outboxOldestSeconds", outbox.oldestSeconds());
            }
        } catch (SQLException | RuntimeException e) {
            // one line: a probe fails every few seconds while the database is away
            LOG.warnf("Not ready: the database does not answer (%s)", e.getMessage());
            answer.down().withData("database", "does not answer: " + e.getMessage());
        }
        return answer.build();
    }

    // Evaluations committed after the head of the seal chain, in the sealer's own (xid, id) order: both the count
    // (up to a limit, an index range) and the wait of the first one, which is the oldest not yet sealed. The bound is
    // one row comparison (the genesis, (0, 0), before the first seal), so it is the index scan's start: written as
    // "no head, or after the head" it was a filter, and every probe walked the index through every sealed evaluation.
    static final String SEALER_LAG = """
            with head as (select evaluation_xid, evaluation_id from evaluation_seal order by seq desc limit 1),
            unsealed as (select e.xid, e.id, e.evaluated_at from evaluation e
                         where (e.xid, e.id) > (coalesce((select evaluation_xid from head), '0'::xid8),
                                                coalesce((select evaluation_id from head), 0))
                         order by e.xid, e.id limit %d)
            select count(*), coalesce(extract(epoch from clock_timestamp()
                   - (select evaluated_at from unsealed order by xid, id limit 1)), 0) from unsealed""";

    private static final String OUTBOX_BACKLOG = """
            select (select count(*) from (select 1 from outbox_event where published_at is null limit %d) waiting),
                   coalesce(extract(epoch from clock_timestamp()
                   - (select min(occurred_at) from outbox_event where published_at is null)), 0)""";

    /** How many rows wait (capped: "at least" past the limit) and how long the oldest has waited. */
    private record Backlog(String count, long oldestSeconds) {

        static Backlog read(Statement s, String sql, int limit) throws SQLException {
            try (var rs = s.executeQuery(sql)) {
                rs.next();
                long count = rs.getLong(1);
                return new Backlog(count > limit ? "more than " + limit : Long.toString(count),
                        Math.round(rs.getDouble(2)));
            }
        }
    }
}
