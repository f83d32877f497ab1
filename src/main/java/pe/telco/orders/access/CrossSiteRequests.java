package pe.telco.orders.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import pe.telco.orders.common.Problem;

/**
 * Refuses a state-changing request that a browser sent from another site (a hostile page posting a form with the
 * person's cached Basic credentials). Browsers say where a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); machine clients send neither and are not affected.
 */
public class CrossSiteRequests {

    private static final Logger LOG = Logger.getLogger(CrossSiteRequests.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowedOrigins;

    public CrossSiteRequests(@ConfigProperty(name = "orders.http.allowed-origins") Optional<List<String>> allowed) {
        this.allowedOrigins = allowed.orElse(List.of()).stream().map(CrossSiteRequests::origin)
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** Runs before every resource method, so a refused request changes nothing. */
    @ServerRequestFilter
    public Response refuseCrossSite(ContainerRequestContext context) {
        if (SAFE_METHODS.contains(context.getMethod().toUpperCase(Locale.ROOT))) {
            return null;
        }
        String site = context.getHeaderString("Sec-Fetch-Site");
        String origin = context.getHeaderString("Origin");
        if (!crossSite(site, origin, context.getUriInfo().getRequestUri())) {
            return null;
        }
        LOG.infof("Refused a cross-site %s %s (Sec-Fetch-Site: %s, Origin: %s)", context.getMethod(),
                context.getUriInfo().getPath(), site, origin);
        String detail = context.getUriInfo().getPath().startsWith("/console")
                ? "Console forms must be sent from the console itself"
                : "A browser sent this request from another site; changes must come from this service's own pages "
                        + "or from a client that is not a browser";
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("cross-site-request", "Cross-site request refused", 403, detail)).build();
    }

    /**
     * Whether a browser says it sent a request from another site: {@code Sec-Fetch-Site} other than same-origin or
     * none, or an {@code Origin} (null included) other than the request's own and not listed as allowed. A request
     * with neither header comes from a client that is not a browser.
     */
    boolean crossSite(String site, String origin, URI request) {
        if (origin == null && site == null) {
            return false;
        }
        Optional<String> from = origin == null ? Optional.empty() : origin(origin);
        if (from.isPresent() && allowedOrigins.contains(from.get())) {
            return false;
        }
        boolean foreignSite = site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        boolean foreignOrigin = origin != null && !from.equals(origin(request));
        return foreignSite || foreignOrigin;
    }

    /** {@code scheme://host:port} in lower case with the scheme's default port made explicit; empty if unreadable. */
    static Optional<String> origin(String text) {
        try {
            return origin(URI.create(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
