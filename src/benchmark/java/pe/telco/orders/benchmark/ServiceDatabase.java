package pe.telco.orders.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/** A running service's embedded PostgreSQL, reached from a benchmark: connections by role, one-value queries. */
final class ServiceDatabase {

    private ServiceDatabase() {
    }

    /** A connection to the orders database of the server running on {@code data} (its port from postmaster.pid). */
    static Connection connect(Path data, String user, String password, String application) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", application);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/orders", p);
    }

    static long count(Statement s, String sql) throws Exception {
        return Long.parseLong(text(s, sql));
    }

    /** The first column of the first row. */
    static String text(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
