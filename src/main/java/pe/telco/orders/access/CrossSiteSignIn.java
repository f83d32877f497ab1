package pe.telco.orders.access;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pe.telco.orders.common.Problem;

/**
 * The console's sign-in post is answered by the form mechanism before any resource filter runs, so the cross-site
 * rule is applied to it here, first: a hostile page must not sign a person's browser in as the attacker (login CSRF).
 */
@ApplicationScoped
public class CrossSiteSignIn {

    private static final Logger LOG = Logger.getLogger(CrossSiteSignIn.class);

    private final CrossSiteRequests rule;
    private final String postLocation;

    public CrossSiteSignIn(@ConfigProperty(name = "orders.http.allowed-origins") Optional<List<String>> allowed,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location") String postLocation) {
        this.rule = new CrossSiteRequests(allowed);
        this.postLocation = postLocation;
    }

    void install(@Observes Router router) {
        router.post(postLocation).order(Integer.MIN_VALUE + 1).handler(context -> {
            String site = context.request().getHeader("Sec-Fetch-Site");
            String origin = context.request().getHeader("Origin");
            if (!rule.crossSite(site, origin, URI.create(context.request().absoluteURI()))) {
                context.next();
                return;
            }
            LOG.infof("Refused a cross-site sign-in (Sec-Fetch-Site: %s, Origin: %s)", site, origin);
            JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + "cross-site-request")
                    .put("title", "Cross-site request refused").put("status", 403)
                    .put("detail", "Sign in from the console's own page");
            context.response().setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
        });
    }
}
