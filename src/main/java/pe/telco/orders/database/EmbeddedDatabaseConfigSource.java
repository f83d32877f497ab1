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
        this.values = Map.of(
                "quarkus.datasource.jdbc.url", connection.jdbcUrl(),
                "quarkus.datasource.username", connection.username(),
                "quarkus.datasource.password", connection.password());
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
