package pe.telco.orders.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The OpenTelemetry trace the current work belongs to, as the 32 hex digits operators search for. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current trace's id, or null when the work runs outside any trace (a background thread, tracing off). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
