package pe.telco.orders.console;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import pe.telco.orders.common.Problem;

/**
 * What a console session may change, checked before anything changes: a console POST needs the signed-in person's
 * {@link ConsoleFormTokens form token} (defence in depth beside the SameSite=Strict cookie and the cross-site check),
 * and on the API the session cookie only reads (the console's downloads); changes there need Basic or a Bearer token.
 * Machine clients of the API, which send credentials and no session cookie, are not affected.
 */
public class ConsoleFormCheck {

    private static final Logger LOG = Logger.getLogger(ConsoleFormCheck.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleFormTokens tokens;
    private final CurrentIdentityAssociation identities;
    private final String sessionCookie;

    public ConsoleFormCheck(ConsoleFormTokens tokens, CurrentIdentityAssociation identities,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.tokens = tokens;
        this.identities = identities;
        this.sessionCookie = sessionCookie;
    }

    /** Without Basic or Bearer credentials, a request with the session cookie could only be signed in by it. */
    @ServerRequestFilter
    public Response sessionOnlyReadsTheApi(ContainerRequestContext context) {
        if (SAFE_METHODS.contains(context.getMethod().toUpperCase(Locale.ROOT))
                || context.getUriInfo().getPath().startsWith("/console")
                || context.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !context.getCookies().containsKey(sessionCookie)) {
            return null;
        }
        LOG.infof("Refused a %s %s signed in only by the console session", context.getMethod(),
                context.getUriInfo().getPath());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of("forbidden", "Not allowed", 403,
                "The console's session only reads the API; changes go through the console's pages, or send Basic "
                        + "or Bearer credentials")).build();
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
