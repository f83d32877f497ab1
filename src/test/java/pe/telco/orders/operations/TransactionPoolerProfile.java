package pe.telco.orders.operations;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service configured as behind PgBouncer in transaction mode: no server-side prepared statements
 * ({@code prepareThreshold=0}), no LISTEN (only the periodic check of the active ruleset), on a database of its own.
 */
public class TransactionPoolerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold", "0",
                "orders.rules.listen-url", "none",
                "orders.rules.active-check-interval", "1s",
                "orders.embedded-database.data-directory", "target/embedded-pg-pooler");
    }
}
