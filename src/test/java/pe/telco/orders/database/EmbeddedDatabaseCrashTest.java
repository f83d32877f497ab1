package pe.telco.orders.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The zero-setup database when another service process owns the directory: killed (recover) or alive (refuse). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedDatabaseCrashTest {

    private Path dataDirectory;
    private ServiceProcess service;

    @BeforeEach
    void freshDataDirectory() throws Exception {
        dataDirectory = DataDirectories.create("crash");
    }

    @AfterEach
    void stopEverythingAndRemove() throws Exception {
        EmbeddedDatabase.stop(dataDirectory);
        Optional<ProcessHandle> server = ServiceProcess.postmaster(dataDirectory);
        if (service != null) {
            service.close();
        }
        if (server.isPresent()) {
            ServiceProcess.awaitExit(server.get()); // the child's watchdog stops it once its JVM is gone
        }
        DataDirectories.delete(dataDirectory);
    }

    @Test
    void recoversAfterTheServiceProcessIsKilled() throws Exception {
        service = ServiceProcess.start(dataDirectory, "committed before kill -9");
        ProcessHandle oldServer = ServiceProcess.postmaster(dataDirectory)
                .orElseThrow(() -> new AssertionError("no server running for the child:\n" + service.log()));

        service.kill();
        long before = System.nanoTime();
        EmbeddedDatabase.Connection conn = EmbeddedDatabase.startOrReuse(
                new EmbeddedDatabase.Settings(dataDirectory, 0, false));
        Duration restart = Duration.ofNanos(System.nanoTime() - before);

        assertThat(oldServer.isAlive()).as("the killed service's PostgreSQL is gone").isFalse();
        assertThat(ServiceProcess.postmaster(dataDirectory)).as("a new server owns the directory")
                .hasValueSatisfying(server -> assertThat(server.pid()).isNotEqualTo(oldServer.pid()));
        try (Connection c = Sql.connect(conn)) {
            assertThat(Sql.single(c, "select 1")).isEqualTo("1");
            assertThat(Sql.notes(c)).containsExactly("committed before kill -9");
        }
        assertThat(restart).as("start after the kill").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void refusesToShareADirectoryWithALiveService() throws Exception {
        service = ServiceProcess.start(dataDirectory, "owned by the running service");
        ProcessHandle serviceServer = ServiceProcess.postmaster(dataDirectory)
                .orElseThrow(() -> new AssertionError("no server running for the child:\n" + service.log()));

        assertThatThrownBy(() -> EmbeddedDatabase.startOrReuse(new EmbeddedDatabase.Settings(dataDirectory, 0, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use");

        assertThat(serviceServer.isAlive()).as("the running service's PostgreSQL was left alone").isTrue();
        try (Connection c = Sql.connect(service.port(), dataDirectory)) {
            assertThat(Sql.notes(c)).containsExactly("owned by the running service");
        }

        service.kill();
        ServiceProcess.awaitExit(serviceServer);
    }
}
