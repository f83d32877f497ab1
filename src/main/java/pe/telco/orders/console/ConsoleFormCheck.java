package pe.telco.orders.console;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import pe.telco.orders.common.Problem;

/**
 * Refuses a console POST whose form does not carry the signed-in person's {@link ConsoleFormTokens form token}
 * (defence in depth beside the SameSite=Strict session cookie and the cross-site check), before anything changes.
 * Only {@code /console}: machine clients of the API post without one.
 */
public class ConsoleFormCheck {

    private static final Logger LOG = Logger.getLogger(ConsoleFormCheck.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleFormTokens tokens;
    private final CurrentIdentityAssociation identities;

    public ConsoleFormCheck(ConsoleFormTokens tokens, CurrentIdentityAssociation identities) {
        this.tokens = tokens;
        this.identities = identities;
    }

    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> requireFormToken(ResteasyReactiveContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (SAFE_METHODS.contains(context.getMethod().toUpperCase(Locale.ROOT)) || !path.startsWith("/console")) {
            return Uni.createFrom().nullItem();
        }
        String token = formToken((ResteasyReactiveRequestContext) context.getServerRequestContext());
        return identities.getDeferredIdentity().map(identity -> {
            if (!identity.isAnonymous() && tokens.matches(identity.getPrincipal().getName(), token)) {
                return null;
            }
            LOG.infof("Refused a console %s %s without a valid form token", context.getMethod(), path);
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of("form-token",
                    "Form not accepted", 403, "This form has expired or was not sent from the console; "
                            + "open the page again and repeat the action")).build();
        });
    }

    private static String formToken(ResteasyReactiveRequestContext request) {
        Object value = request.getFormParameter(ConsoleFormTokens.FIELD, true, false);
        if (value instanceof FormValue form) {
            return form.isFileItem() ? null : form.getValue();
        }
        return value instanceof String text ? text : null;
    }
}
