package pe.telco.orders.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A database of its own for the tests that insert tens of thousands of evaluations at once (a large export, an
 * impact preview over a long history): in the shared database the sealer would chain them before anyone else's
 * evaluation, and every verification after would walk them. One more application start, paid once for all of them.
 */
public class BulkHistoryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("orders.embedded-database.data-directory", "target/embedded-pg-bulk");
    }
}
