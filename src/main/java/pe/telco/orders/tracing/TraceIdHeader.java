package pe.telco.orders.tracing;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer names its trace in {@code X-Trace-Id}, errors included, so a caller can quote it and an operator can
 * find the request's spans, its logs and the evaluation it stored. A caller that sends a W3C {@code traceparent}
 * gets its own trace id back (the request joined its trace).
 */
@ApplicationScoped
public class TraceIdHeader {

    public static final String NAME = "X-Trace-Id";

    /** Right after the security headers, before any route that may answer (the server span exists by then). */
    void install(@Observes @Priority(2) Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String traceId = TraceIds.current();
            if (traceId != null) {
                context.response().headers().set(NAME, traceId);
            }
            context.next();
        });
    }
}
