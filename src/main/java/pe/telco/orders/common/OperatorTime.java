package pe.telco.orders.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The operator's clock: every business time is taken in America/Lima, to the microsecond PostgreSQL keeps. */
@ApplicationScoped
public class OperatorTime {

    public static final ZoneId ZONE = ZoneId.of("America/Lima");

    private final Clock clock = Clock.system(ZONE);

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The same instant as the operator reads it (times come back from the database in UTC). */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
