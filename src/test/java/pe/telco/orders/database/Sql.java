package pe.telco.orders.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC against an embedded server, as an operator would check it. */
final class Sql {

    private Sql() {
    }

    static Connection connect(EmbeddedDatabase.Connection conn) throws SQLException {
        return DriverManager.getConnection(conn.jdbcUrl(), conn.ownerUsername(), conn.ownerPassword());
    }

    /** The server a child service started on that directory, as the superuser with its kept password. */
    static Connection connect(int port, Path dataDirectory) throws SQLException, IOException {
        return DriverManager.getConnection(url(port), EmbeddedDatabase.SUPERUSER,
                DatabaseCredentials.read(dataDirectory).superuser());
    }

    static String url(int port) {
        return "jdbc:postgresql://" + EmbeddedDatabase.HOST + ":" + port + "/" + EmbeddedDatabase.DATABASE;
    }

    static int port(EmbeddedDatabase.Connection conn) {
        return java.net.URI.create(conn.jdbcUrl().substring("jdbc:".length())).getPort();
    }

    static String show(Connection c, String setting) throws SQLException {
        return single(c, "show " + setting);
    }

    static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row from: " + query);
            }
            return rs.getString(1);
        }
    }

    static void execute(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> notes(Connection c) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select note from " + StartAndWait.TABLE + " order by id")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }
}
