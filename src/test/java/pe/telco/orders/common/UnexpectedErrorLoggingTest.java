package pe.telco.orders.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pe.telco.orders.support.CapturedLog;

/**
 * A request that fails on the server is logged once: a failure of the database itself as one line with its SQLState
 * and message (its stack would only show where we waited), anything else with its stack trace, to find the bug.
 */
class UnexpectedErrorLoggingTest {

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(ProblemMapping.class);

    @Test
    void aFailureOfTheDatabaseItselfIsOneLineWithItsStateAndMessage() {
        RuntimeException failure = new RuntimeException("could not execute batch",
                new SQLException("Batch entry 0 was aborted", "53100", new SQLException("ERROR: disk full", "53100")));

        assertThat(new ProblemMapping().unexpected(failure).getStatus()).isEqualTo(500);

        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(record -> {
            assertThat(record.getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
            assertThat(CapturedLog.message(record)).contains("SQLState 53100").contains("ERROR: disk full");
            assertThat(record.getThrown()).isNull();
        });
    }

    @Test
    void anyOtherFailureKeepsItsStackTrace() {
        RuntimeException bug = new RuntimeException("could not execute statement",
                new SQLException("ERROR: column \"x\" does not exist", "42703"));

        assertThat(new ProblemMapping().unexpected(bug).getStatus()).isEqualTo(500);

        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(record -> {
            assertThat(record.getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
            assertThat(record.getThrown()).isSameAs(bug);
        });
    }

    /** Agroal's words when no pooled connection became free in time: the service is saturated, not broken. */
    @Test
    void aFullConnectionPoolIsTooBusyWithRetryAfterInOneWarning() {
        RuntimeException full = new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));

        jakarta.ws.rs.core.Response answer = new ProblemMapping().unexpected(full);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) answer.getEntity()).type()).endsWith("/too-busy");
        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).isNull();
        });
    }

    /** A client that stopped waiting and closed its connection is not a fault of the service. */
    @Test
    void aClientThatClosedItsConnectionIsNoError() {
        RuntimeException gone = new RuntimeException(new java.io.IOException(
                new io.vertx.core.http.HttpClosedException("Connection was closed")));

        assertThat(new ProblemMapping().unexpected(gone).getStatus()).isEqualTo(503);

        assertThat(log.records()).allSatisfy(record -> assertThat(record.getLevel().intValue())
                .isLessThan(Level.INFO.intValue()));
    }

    /** PostgreSQL rolled the transaction back to break a lock cycle: nothing was kept, so the caller may retry. */
    @Test
    void aDeadlockIsAConcurrentChangeInOneWarning() {
        RuntimeException deadlock = new org.hibernate.exception.LockAcquisitionException("could not execute statement",
                new SQLException("ERROR: deadlock detected\n  Detail: Process 1 waits for ShareLock", "40P01"));

        jakarta.ws.rs.core.Response answer = new ProblemMapping().unexpected(deadlock);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((Problem) answer.getEntity()).detail()).startsWith("Another request changed this resource");
        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(CapturedLog.message(record)).contains("deadlock detected").doesNotContain("Process 1");
            assertThat(record.getThrown()).isNull();
        });
    }

    /** Two requests inserted the same key at once (a product or stock row created by both): one of them won. */
    @Test
    void aDuplicateKeyFromARaceIsAConcurrentChangeInOneWarning() {
        RuntimeException duplicate = new org.hibernate.exception.ConstraintViolationException(
                "could not execute statement", new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"product_pkey\"", "23505"),
                "product_pkey");

        jakarta.ws.rs.core.Response answer = new ProblemMapping().unexpected(duplicate);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((Problem) answer.getEntity()).type()).endsWith("/state-conflict");
        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(CapturedLog.message(record)).contains("product_pkey");
            assertThat(record.getThrown()).isNull();
        });
    }
}
