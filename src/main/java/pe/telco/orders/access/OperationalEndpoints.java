package pe.telco.orders.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import pe.telco.orders.common.Problem;

/**
 * With {@code orders.access.protect-operational-endpoints} (the production default), {@code /q/metrics} needs the
 * OPERATIONS role and the OpenAPI document and Swagger UI need credentials; {@code /q/health} stays open for probes.
 * Refusals are problems like every other error.
 */
@ApplicationScoped
public class OperationalEndpoints {

    /** After Quarkus' authentication (200) and authorization (100) filters, before any route. */
    private static final int PRIORITY = 50;

    private final AccessConfig config;

    public OperationalEndpoints(AccessConfig config) {
        this.config = config;
    }

    void install(@Observes Filters filters) {
        filters.register(this::guard, PRIORITY);
    }

    private void guard(RoutingContext context) {
        String path = context.normalizedPath();
        boolean metrics = path.startsWith("/q/metrics");
        boolean documents = path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui");
        if (!config.protectOperationalEndpoints() || (!metrics && !documents)) {
            context.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> decide(context, identity, metrics),
                failure -> refuse(context, 401, "unauthorized", "Authentication required",
                        "Send HTTP Basic credentials or a Bearer token"));
    }

    private static void decide(RoutingContext context, SecurityIdentity identity, boolean metrics) {
        if (identity == null || identity.isAnonymous()) {
            refuse(context, 401, "unauthorized", "Authentication required",
                    "Send HTTP Basic credentials or a Bearer token");
        } else if (metrics && !identity.hasRole(Roles.OPERATIONS)) {
            refuse(context, 403, "forbidden", "Not allowed", "Metrics are for the OPERATIONS role");
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, int status, String kind, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + kind).put("title", title)
                .put("status", status).put("detail", detail);
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"Quarkus\"");
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }
}
