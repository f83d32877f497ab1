package pe.telco.orders.events;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service under the crash test relays nothing itself: only the child relay processes do, so killing one
 * interrupts the only relay at work and the next must finish what it left.
 */
public class RelayCrashProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("orders.events.relay-enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class));
    }
}
