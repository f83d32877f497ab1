package pe.telco.orders.ruleset.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.OperatorTime;

/**
 * A heartbeat that fails while the database is away is retried at the next beat and says so in one warning line,
 * as the relay and the sealer do: its stack trace (only where the connection broke) stays at DEBUG, so a passing
 * build that takes the database away prints none.
 */
class ImpactLivenessLoggingTest {

    private final Logger logger = Logger.getLogger(ImpactLiveness.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean toParents;
    private Level level;

    @BeforeEach
    void captureTheLog() {
        toParents = logger.getUseParentHandlers();
        level = logger.getLevel();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL); // DEBUG too, to see where the stack goes
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
        logger.setLevel(level);
        logger.setUseParentHandlers(toParents);
    }

    @Test
    void aFailedBeatIsOneWarningLineWithTheCauseAndTheStackOnlyAtDebug() {
        OperatorTime databaseAway = new OperatorTime() {
            @Override
            public OffsetDateTime now() {
                throw new IllegalStateException("An I/O error occurred while sending to the backend.");
            }
        };

        new ImpactLiveness(null, null, databaseAway).beatSafely();

        List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(warnings).singleElement().satisfies(record -> {
            assertThat(message(record)).contains("will retry").contains("An I/O error occurred");
            assertThat(record.getThrown()).isNull();
        });
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel().intValue()).isLessThan(Level.INFO.intValue());
            assertThat(record.getThrown()).hasMessageContaining("An I/O error occurred");
        });
    }

    /** The message pattern with its arguments (the logger formats printf-style, JUL's formatter would not). */
    private static String message(LogRecord record) {
        return record.getMessage() + " " + Arrays.toString(record.getParameters());
    }
}
