package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import pe.telco.orders.common.Problem;

/**
 * A person in the console sees an error as a console page, in their language, with what was wrong and a way back;
 * scripts and other callers that do not ask for HTML keep the API's problem+json. The status code stays the same,
 * except that a console request without a session is sent to the login page (the form mechanism's challenge).
 */
public class ConsoleErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String kind, Problem problem, String problemKind);
    }

    private final ConsoleContext console;
    private final HttpAuthenticator authenticator;

    public ConsoleErrorPages(ConsoleContext console, HttpAuthenticator authenticator) {
        this.console = console;
        this.authenticator = authenticator;
    }

    /**
     * The API's 401 (a Basic challenge) becomes the form mechanism's: a redirect to the login page, which remembers
     * the page asked for, or after a failed sign-in to the login page with its error.
     */
    @ServerResponseFilter
    public Uni<Void> toLogin(ContainerRequestContext request, ContainerResponseContext response,
            RoutingContext routing) {
        if (response.getStatus() != 401 || !request.getUriInfo().getPath().startsWith("/console")) {
            return Uni.createFrom().voidItem();
        }
        return authenticator.getChallenge(routing).map(challenge -> {
            if (challenge != null && challenge.getHeaders().containsKey("Location")) {
                response.setStatus(challenge.status);
                response.setEntity(null);
                response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
                challenge.getHeaders().forEach((name, value) -> response.getHeaders()
                        .putSingle(name.toString(), value));
            }
            return null;
        });
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || response.getStatus() == 401
                || !request.getUriInfo().getPath().startsWith("/console") || !wantsHtml(request)) {
            return;
        }
        String problemKind = problem.type() == null ? "" : problem.type().replace(Problem.TYPE_BASE, "");
        String html = console.page(Templates.error(problem.status(), kind(problem.status()), problem, problemKind))
                .render();
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
