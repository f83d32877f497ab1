package pe.telco.orders.benchmark;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.order.OrderRequest;

/**
 * The benchmarks' baseline: an order body parsed and written back, nothing else. It measures what HTTP and JSON cost
 * in this service, so dry-run throughput can be compared with it. Off (404) unless orders.benchmark.echo.enabled.
 */
@Path("/api/benchmark/echo")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmark")
public class EchoResource {

    private final boolean enabled;

    public EchoResource(@ConfigProperty(name = "orders.benchmark.echo.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @RolesAllowed(Roles.CHANNEL)
    @Operation(summary = "Echo an order body (benchmarks only; 404 unless orders.benchmark.echo.enabled=true)")
    public OrderRequest echo(OrderRequest request) {
        if (!enabled) {
            throw new NotFound("Path", "/api/benchmark/echo");
        }
        return request;
    }
}
