package pe.telco.orders.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one class logged during a test, captured instead of printed: an expected stack trace in a passing build
 * would make it look broken. Register with {@code @RegisterExtension}; every level is captured, DEBUG included.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
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

    private CapturedLog(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    /** The log of {@code source}, whose logger is named after the class as JBoss Logging names it. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        toParents = logger.getUseParentHandlers();
        level = logger.getLevel();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(capture);
        logger.setLevel(level);
        logger.setUseParentHandlers(toParents);
    }

    /** Everything logged so far, in order. */
    public List<LogRecord> records() {
        return records;
    }

    /** What was logged at {@code level} or above. */
    public List<LogRecord> atLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).toList();
    }

    /** The message pattern with its arguments (the logger formats printf-style, JUL's formatter would not). */
    public static String message(LogRecord record) {
        return record.getMessage() + " " + Arrays.toString(record.getParameters());
    }
}
