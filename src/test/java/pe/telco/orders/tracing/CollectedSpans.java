package pe.telco.orders.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans as the service finished them, collected by the OpenTelemetry SDK's own in-memory exporter beside the
 * service's exporter. Only in {@link TracingProfile}: kept for the whole suite it would hold every span of every test.
 */
public class CollectedSpans {

    static final String PROPERTY = "orders.tracing.collect-in-memory";

    @Produces
    @Singleton
    @IfBuildProperty(name = PROPERTY, stringValue = "true")
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
