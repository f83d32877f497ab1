package pe.telco.orders.ruleset.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.support.CapturedLog;

/**
 * A heartbeat that fails while the database is away is retried at the next beat and says so in one warning line,
 * as the relay and the sealer do: its stack trace (only where the connection broke) stays at DEBUG, so a passing
 * build that takes the database away prints none.
 */
class ImpactLivenessLoggingTest {

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(ImpactLiveness.class);

    @Test
    void aFailedBeatIsOneWarningLineWithTheCauseAndTheStackOnlyAtDebug() {
        OperatorTime databaseAway = new OperatorTime() {
            @Override
            public OffsetDateTime now() {
                throw new IllegalStateException("An I/O error occurred while sending to the backend.");
            }
        };

        new ImpactLiveness(null, null, databaseAway).beatSafely();

        assertThat(log.atLeast(Level.WARNING)).singleElement().satisfies(record -> {
            assertThat(CapturedLog.message(record)).contains("will retry").contains("An I/O error occurred");
            assertThat(record.getThrown()).isNull();
        });
        assertThat(log.records()).anySatisfy(record -> {
            assertThat(record.getLevel().intValue()).isLessThan(Level.INFO.intValue());
            assertThat(record.getThrown()).hasMessageContaining("An I/O error occurred");
        });
    }
}
