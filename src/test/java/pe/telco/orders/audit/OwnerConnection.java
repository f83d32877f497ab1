package pe.telco.orders.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** A connection as the schema owner (the role Flyway migrates with), for what only a DBA could do. */
final class OwnerConnection {

    private OwnerConnection() {
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.flyway.jdbc-url", String.class));
    }
}
