package pe.telco.orders.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The zero-setup database keeps committed rows when the service stops and starts again on the same directory. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedDatabaseTest {

    private Path dataDirectory;

    @BeforeEach
    void freshDataDirectory() throws Exception {
        dataDirectory = DataDirectories.create("restart");
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        EmbeddedDatabase.stop(dataDirectory);
        DataDirectories.delete(dataDirectory);
    }

    @Test
    void keepsRowsAcrossARestart() throws Exception {
        EmbeddedDatabase.Connection first = EmbeddedDatabase.startOrReuse(settings());
        try (Connection c = Sql.connect(first)) {
            assertThat(Sql.show(c, "fsync")).as("fsync").isEqualTo("on");
            assertThat(Sql.show(c, "synchronous_commit")).as("synchronous_commit").isEqualTo("on");
            Sql.execute(c, "create table " + StartAndWait.TABLE + " (id int primary key, note text not null)");
            Sql.execute(c, "insert into " + StartAndWait.TABLE + " values (1, 'written before the restart')");
        }

        EmbeddedDatabase.stop(dataDirectory);
        assertThat(ServiceProcess.postmaster(dataDirectory)).as("server after stop()").isEmpty();

        EmbeddedDatabase.Connection second = EmbeddedDatabase.startOrReuse(settings());
        try (Connection c = Sql.connect(second)) {
            assertThat(Sql.notes(c)).containsExactly("written before the restart");
            assertThat(Sql.show(c, "fsync")).as("fsync after the restart").isEqualTo("on");
        }
    }

    private EmbeddedDatabase.Settings settings() {
        return new EmbeddedDatabase.Settings(dataDirectory, 0, false);
    }
}
