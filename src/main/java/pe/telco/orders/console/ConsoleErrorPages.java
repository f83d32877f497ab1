package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import pe.telco.orders.common.Problem;

/**
 * A person in the console sees an error as a console page, in their language, with what was wrong and a way back;
 * scripts and other callers that do not ask for HTML keep the API's problem+json. The status code stays the same.
 */
public class ConsoleErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String kind, Problem problem);
    }

    private final ConsoleContext console;

    public ConsoleErrorPages(ConsoleContext console) {
        this.console = console;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || response.getStatus() == 401
                || !request.getUriInfo().getPath().startsWith("/console") || !wantsHtml(request)) {
            return;
        }
        String html = console.page(Templates.error(problem.status(), kind(problem.status()), problem)).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /** Which heading the page shows (the template words it in the person's language). */
    private static String kind(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 409 -> "conflict";
            case 413 -> "tooLarge";
            case 422 -> "unprocessable";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "refused";
        };
    }
}
