package pe.telco.orders.database;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A stand-in for the service, run in a child JVM: starts the embedded database on the directory given as first
 * argument, stores the second argument as a row, prints {@code READY <port>} and waits to be killed.
 */
public final class StartAndWait {

    static final String TABLE = "kept_notes";
    private static final long MAX_LIFETIME_MILLIS = 120_000;

    private StartAndWait() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String note = args[1];
        EmbeddedDatabase.Connection conn = EmbeddedDatabase.startOrReuse(
                new EmbeddedDatabase.Settings(directory, 0, false));
        try (Connection c = DriverManager.getConnection(conn.jdbcUrl(), conn.ownerUsername(), conn.ownerPassword())) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists " + TABLE + " (id int primary key, note text not null)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into " + TABLE + " values (1, ?)")) {
                insert.setString(1, note);
                insert.executeUpdate();
            }
        }
        Thread testGoesAway = stdinClosed();
        System.out.println("READY " + URI.create(conn.jdbcUrl().substring("jdbc:".length())).getPort());
        System.out.flush();
        testGoesAway.join(MAX_LIFETIME_MILLIS); // or never outlive a test that forgot to kill us
        EmbeddedDatabase.stop();
        System.exit(0);
    }

    /** If the test JVM dies, our stdin closes: the thread returned ends then, so we stop instead of lingering. */
    private static Thread stdinClosed() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input
                }
            } catch (Exception ignored) {
                // treat as closed
            }
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
