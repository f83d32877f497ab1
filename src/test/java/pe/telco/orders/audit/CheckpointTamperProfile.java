package pe.telco.orders.audit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A database and checkpoint directory of their own for the tests that tamper with the record: a checkpoint signed by
 * the shared instance while its chain is rewritten would stay wrong for every other test class. Checkpoints here are
 * only written on demand, so each test knows exactly which one covers what.
 */
public class CheckpointTamperProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("orders.embedded-database.data-directory", "target/embedded-pg-tamper",
                "orders.audit.checkpoints.interval", "PT1H");
    }
}
