package pe.telco.orders.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The operator's clock: every business time is taken in America/Lima, and only here. */
@ApplicationScoped
public class OperatorTime {

    public static final ZoneId ZONE = ZoneId.of("America/Lima");

    private final Clock clock = Clock.system(ZONE);

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The same instant as the operator reads it (times come back from the database in UTC). */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
