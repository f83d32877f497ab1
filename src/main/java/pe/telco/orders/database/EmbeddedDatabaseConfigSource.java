package pe.telco.orders.database;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves the embedded server's connection settings. It lists no property names on purpose: a source that lists
 * {@code quarkus.datasource.jdbc.url} is read at build time and its URL baked into the application.
 */
class EmbeddedDatabaseConfigSource implements ConfigSource {

    private final Map<String, String> values;

    EmbeddedDatabaseConfigSource(EmbeddedDatabase.Connection connection) {
        // the roles also travel in the URLs: the default datasource's username is not looked up from a source that
        // lists no names, and each URL must name its own role for Flyway and the application to connect apart
        this.values = Map.of(
                "quarkus.datasource.jdbc.url", withUser(connection.jdbcUrl(), connection.username(),
                        connection.password()),
                "quarkus.flyway.jdbc-url", withUser(connection.jdbcUrl(), connection.ownerUsername(),
                        connection.ownerPassword()),
                "quarkus.datasource.username", connection.username(),
                "quarkus.datasource.password", connection.password(),
                "quarkus.flyway.username", connection.ownerUsername(),
                "quarkus.flyway.password", connection.ownerPassword());
    }

    private static String withUser(String url, String user, String password) {
        return url + "?user=" + user + "&password=" + password;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "EmbeddedPostgreSQL";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
