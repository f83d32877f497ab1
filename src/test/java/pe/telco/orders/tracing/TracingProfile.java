package pe.telco.orders.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with its spans also kept in memory (the real OpenTelemetry SDK's {@code InMemorySpanExporter}, see
 * {@link CollectedSpans}) and handed over every 50 ms instead of every 5 s. One more application start.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // no collector is configured, so spans are recorded only when asked for
        return Map.of(CollectedSpans.PROPERTY, "true", "quarkus.otel.bsp.schedule.delay", "PT0.05S",
                "orders.tracing.sample-ratio", "1.0");
    }
}
