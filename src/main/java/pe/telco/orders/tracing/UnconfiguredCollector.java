package pe.telco.orders.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Where spans go while no collector is configured: nowhere. Without it Quarkus would send them to its default,
 * {@code http://localhost:4317/}, and a service with no collector there would log a failed export every few seconds.
 * Trace ids are still made, propagated, returned and stored. Quarkus' OTLP exporter stands aside while any span
 * exporter bean can be looked up; this one can only while neither {@code quarkus.otel.exporter.otlp.endpoint} nor
 * its {@code .traces.endpoint} is set to anything but that default (unset, they read as the default). A collector
 * on this very host is reached as {@code http://127.0.0.1:4317}.
 */
@ApplicationScoped
@Unremovable // found by lookup only (Quarkus' exporter setup), never injected
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = UnconfiguredCollector.DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = UnconfiguredCollector.DEFAULT,
        lookupIfMissing = true)
public class UnconfiguredCollector implements SpanExporter {

    /** The endpoint Quarkus reads when none is configured. */
    static final String DEFAULT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
