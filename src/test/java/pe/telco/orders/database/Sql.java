package pe.telco.orders.database;

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

    /** The server a child service started; same user and database as {@link EmbeddedDatabase} uses. */
    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE,
                "postgres", "");
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
