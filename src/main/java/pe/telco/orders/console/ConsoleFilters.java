package pe.telco.orders.console;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import pe.telco.orders.common.Problem;

/**
 * Two guards of the console: a form posted from another site is refused (the browser would send the person's Basic
 * credentials with it), and a {@code ?lang=} choice is remembered in a cookie.
 */
public class ConsoleFilters {

    @ServerRequestFilter
    public Response sameOriginPosts(ContainerRequestContext context, HttpServerRequest request) {
        if (!isConsole(context) || !"POST".equals(context.getMethod())) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        boolean foreignSite = site != null && !site.equals("same-origin") && !site.equals("none");
        boolean foreignOrigin = origin != null && !origin.equals("null")
                && !origin.replaceFirst("^https?://", "").equals(request.getHeader("Host"));
        if (foreignSite || foreignOrigin) {
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of("forbidden", "Not allowed", 403,
                    "Console forms must be sent from the console itself")).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void rememberLanguage(ContainerRequestContext context, ContainerResponseContext response) {
        String lang = context.getUriInfo().getQueryParameters().getFirst("lang");
        if (isConsole(context) && ("es".equals(lang) || "en".equals(lang))) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(ConsoleContext.LANG_COOKIE).value(lang)
                    .path("/console").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
    }

    private static boolean isConsole(ContainerRequestContext context) {
        return context.getUriInfo().getPath().startsWith("/console");
    }
}
