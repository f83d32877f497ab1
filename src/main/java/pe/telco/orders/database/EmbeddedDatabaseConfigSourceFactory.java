package pe.telco.orders.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource URL of an embedded PostgreSQL when {@code orders.embedded-database.enabled=true} and no
 * {@code quarkus.datasource.jdbc.url} is configured; refuses to start when neither is set.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String PREFIX = "orders.embedded-database.";
    private static final String BUILD_SOURCE = "PropertiesConfigSource[source=Build system]";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isBuildTime(context) || isSet(context, URL)) {
            return List.of();
        }
        if (!"true".equalsIgnoreCase(value(context, "enabled", "false"))) {
            throw new IllegalStateException("""
                    No database is configured. Set QUARKUS_DATASOURCE_JDBC_URL (with QUARKUS_DATASOURCE_USERNAME and \
                    QUARKUS_DATASOURCE_PASSWORD) to a PostgreSQL server, or set ORDERS_EMBEDDED_DATABASE_ENABLED=true \
                    to start an embedded PostgreSQL on this machine (development and demos only).""");
        }
        EmbeddedDatabase.Settings settings = new EmbeddedDatabase.Settings(
                Path.of(value(context, "data-directory", EmbeddedDatabase.DEFAULT_DATA_DIRECTORY)),
                Integer.parseInt(value(context, "port", "0")),
                Boolean.parseBoolean(value(context, "clean-on-start", "false")));
        return List.of(new EmbeddedDatabaseConfigSource(EmbeddedDatabase.startOrReuse(settings)));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean isBuildTime(ConfigSourceContext context) {
        return context.getConfigSources().stream().anyMatch(source -> BUILD_SOURCE.equals(source.getName()));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(PREFIX + key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
