package pe.telco.orders.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code orders.http.max-body-bytes} as a problem, like every other error, before it is
 * read. (The HTTP layer's own, higher {@code quarkus.http.limits.max-body-size} stays as the last guard.)
 */
@ApplicationScoped
public class PayloadTooLarge {

    private final long maxBodyBytes;

    public PayloadTooLarge(@ConfigProperty(name = "orders.http.max-body-bytes", defaultValue = "10485760") long max) {
        this.maxBodyBytes = max;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || !tooLarge(length)) {
                context.next();
                return;
            }
            JsonObject problem = new JsonObject()
                    .put("type", Problem.TYPE_BASE + "payload-too-large")
                    .put("title", "Payload too large")
                    .put("status", 413)
                    .put("detail", "The request body is larger than the " + maxBodyBytes + " bytes this service accepts");
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(problem.encode());
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
