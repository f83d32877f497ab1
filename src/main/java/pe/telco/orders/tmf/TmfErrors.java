package pe.telco.orders.tmf;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.telco.orders.common.Problem;

/**
 * The one place where errors on {@code /tmf-api/...} take TMF's {@code Error} shape: every problem the service
 * answers (same statuses, same field lists) is rewritten here, and a Location naming an order names its TMF622
 * resource. The back-office API keeps problem+json.
 */
@Provider
public class TmfErrors implements ContainerResponseFilter {

    private static final Pattern ORDER = Pattern.compile("/api/orders/(\\d+)$");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getPath();
        if (!path.startsWith("/tmf-api/") || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.setEntity(TmfError.from(problem), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            Matcher order = ORDER.matcher(location.toString());
            if (order.find()) {
                URI base = request.getUriInfo().getBaseUri();
                response.getHeaders().putSingle(HttpHeaders.LOCATION,
                        base.resolve(ProductOrderView.href(Long.parseLong(order.group(1)))));
            }
        }
    }
}
