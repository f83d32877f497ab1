package pe.telco.orders.ruleset.schedule;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Scheduled activations: the one waiting, a version's history, and the conditional writes that end one once. */
@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ScheduledActivation, Long> {

    /** What an instance needs to know of the schedule waiting: the instant, the version, and its state now. */
    public record Upcoming(long id, int version, Instant at, String versionStatus, Integer baseVersion) {
    }

    public Optional<ScheduledActivation> pending() {
        return find("state", ScheduleState.PENDING).firstResultOptional();
    }

    /** The waiting schedule, locked: another instance ending it at the same moment waits, then sees it ended. */
    public Optional<ScheduledActivation> lockPending(long id) {
        return find("id = ?1 and state = ?2", id, ScheduleState.PENDING).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Upcoming> upcoming() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select s.id, s.version, s.switch_at, r.status,"
                + " r.base_version from ruleset_schedule s join ruleset r on r.version = s.version"
                + " where s.state = 'PENDING'").getResultList();
        return rows.stream().findFirst().map(r -> new Upcoming(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                instant(r[2]), (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue()));
    }

    /** Ends a waiting schedule as refused at its instant; false if it had already ended (another instance did it). */
    public boolean fail(long id, String why, OffsetDateTime at) {
        return getEntityManager().createNativeQuery("update ruleset_schedule set state = 'FAILED', failure = ?1,"
                        + " failed_at = ?2 where id = ?3 and state = 'PENDING'")
                .setParameter(1, why.length() > 2000 ? why.substring(0, 2000) : why).setParameter(2, at)
                .setParameter(3, id).executeUpdate() == 1;
    }

    /** The activation just recorded for {@code version} was this schedule's doing. */
    public void linkActivation(long id, int version) {
        getEntityManager().createNativeQuery("update ruleset_activation set schedule_id = ?1 where id ="
                        + " (select max(id) from ruleset_activation where version = ?2)")
                .setParameter(1, id).setParameter(2, version).executeUpdate();
    }

    /** Tells every instance (on {@code ruleset_activated}, the channel their watchers listen to) that the schedule changed, at commit. */
    public void notifyChanged() {
        getEntityManager().createNativeQuery("select pg_notify('ruleset_activated', 'schedule')").getSingleResult();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }
}
