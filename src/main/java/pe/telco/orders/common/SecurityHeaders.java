package pe.telco.orders.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers that tell a browser how to treat every answer, errors included: never inside another site's frame,
 * no content-type guessing, no referrer sent on, and for the console only its own scripts and styles.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The console and the API: only files from the service itself; no inline script or style. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /** Swagger UI and the dev UI (Quarkus' own pages) configure themselves with inline script and style. */
    static final String TOOLS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    /**
     * Other sites get at most the origin, never a path with an order or evaluation id. Not {@code no-referrer}: with
     * it Chromium sends {@code Origin: null} on the console's own form posts, which the cross-site guard refuses.
     */
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Installed before every other route (the body-size guard included), so no answer leaves without them. */
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.request().path();
            boolean tools = path != null && (path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui"));
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", tools ? TOOLS_POLICY : POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", REFERRER_POLICY);
            });
            context.next();
        });
    }
}
