package pe.telco.orders.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Remembers a console {@code ?lang=} choice in a cookie. (Forms posted from another site are refused for the whole
 * service by {@link pe.telco.orders.access.CrossSiteRequests}.)
 */
public class ConsoleFilters {

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
