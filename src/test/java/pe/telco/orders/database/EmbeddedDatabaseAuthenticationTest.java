package pe.telco.orders.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No local process gets into the embedded database without a password: every role (the superuser too) needs its own,
 * kept owner-only beside the data directory, on loopback only; a directory made by an earlier version (trust) is
 * upgraded on start with its data kept.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedDatabaseAuthenticationTest {

    private Path dataDirectory;

    @BeforeEach
    void freshDataDirectory() throws Exception {
        dataDirectory = DataDirectories.create("auth");
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        EmbeddedDatabase.stop(dataDirectory);
        DataDirectories.delete(dataDirectory);
    }

    @Test
    void everyRoleNeedsItsPasswordAndTheServerListensOnLoopbackOnly() throws Exception {
        EmbeddedDatabase.Connection conn = EmbeddedDatabase.startOrReuse(settings());
        int port = Sql.port(conn);

        assertRefusedWithoutPassword(port, EmbeddedDatabase.SUPERUSER);
        assertRefusedWithoutPassword(port, EmbeddedDatabase.APP);
        assertRefusedWithoutPassword(port, EmbeddedDatabase.OWNER);
        assertThatThrownBy(() -> DriverManager.getConnection(Sql.url(port), EmbeddedDatabase.SUPERUSER, "guess"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");

        try (Connection app = DriverManager.getConnection(conn.jdbcUrl(), conn.username(), conn.password())) {
            assertThat(Sql.single(app, "select current_user")).isEqualTo(EmbeddedDatabase.APP);
        }
        try (Connection superuser = Sql.connect(port, dataDirectory)) {
            assertThat(Sql.show(superuser, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(Sql.single(superuser, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                    .as("the only way in").isEqualTo("scram-sha-256");
            assertThat(Sql.single(superuser, "select count(*) from pg_authid where rolcanlogin and"
                    + " (rolpassword is null or rolpassword not like 'SCRAM-SHA-256$%')"))
                    .as("roles that may log in without a scram password").isEqualTo("0");
        }
        assertThat(Files.getPosixFilePermissions(DatabaseCredentials.file(dataDirectory)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void keepsThePasswordsAcrossARestart() throws Exception {
        EmbeddedDatabase.Connection first = EmbeddedDatabase.startOrReuse(settings());
        DatabaseCredentials before = DatabaseCredentials.read(dataDirectory);
        EmbeddedDatabase.stop(dataDirectory);

        EmbeddedDatabase.Connection second = EmbeddedDatabase.startOrReuse(settings());

        assertThat(DatabaseCredentials.read(dataDirectory)).isEqualTo(before);
        assertThat(second.password()).isEqualTo(first.password());
        try (Connection c = Sql.connect(second)) {
            assertThat(Sql.single(c, "select current_user")).isEqualTo(EmbeddedDatabase.OWNER);
        }
        assertRefusedWithoutPassword(Sql.port(second), EmbeddedDatabase.SUPERUSER);
    }

    @Test
    void upgradesADirectoryAnEarlierVersionLeftTrustingEveryone() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start()) {
            try (Connection c = earlier.getPostgresDatabase().getConnection()) {
                Sql.execute(c, "create database " + EmbeddedDatabase.DATABASE);
            }
            try (Connection c = earlier.getDatabase(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.DATABASE)
                    .getConnection()) {
                Sql.execute(c, "create table " + StartAndWait.TABLE + " (id int primary key, note text not null)");
                Sql.execute(c, "insert into " + StartAndWait.TABLE + " values (1, 'written while trusted')");
            }
        }
        assertThat(ClientAuthentication.trustsLocalConnections(dataDirectory)).as("the earlier version's").isTrue();

        EmbeddedDatabase.Connection upgraded = EmbeddedDatabase.startOrReuse(settings());

        assertThat(ClientAuthentication.trustsLocalConnections(dataDirectory)).isFalse();
        assertRefusedWithoutPassword(Sql.port(upgraded), EmbeddedDatabase.SUPERUSER);
        try (Connection c = Sql.connect(Sql.port(upgraded), dataDirectory)) {
            assertThat(Sql.notes(c)).containsExactly("written while trusted");
        }
        assertThat(Files.getPosixFilePermissions(DatabaseCredentials.file(dataDirectory)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void refusesToStartWhenThePasswordsOfAProtectedDirectoryAreLost() throws Exception {
        EmbeddedDatabase.startOrReuse(settings());
        EmbeddedDatabase.stop(dataDirectory);
        Files.delete(DatabaseCredentials.file(dataDirectory));

        assertThatThrownBy(() -> EmbeddedDatabase.startOrReuse(settings()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("requires passwords");
    }

    private static void assertRefusedWithoutPassword(int port, String user) {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", user);
        assertThatThrownBy(() -> DriverManager.getConnection(Sql.url(port), noPassword).close())
                .as("%s without a password", user)
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    private EmbeddedDatabase.Settings settings() {
        return new EmbeddedDatabase.Settings(dataDirectory, 0, false);
    }
}
