package pe.telco.orders.stock;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.location.Location;

/** HTTP face of stock by location: {@code /api/stock}. */
@Path("/api/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class StockResource {

    private final StockService stock;

    StockResource(StockService stock) {
        this.stock = stock;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Path("/{locationCode}/{productCode}")
    @Operation(summary = "Set the units on hand of a product at a location (idempotent); reservations are kept")
    @APIResponse(responseCode = "200", description = "On hand, reserved and available there")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown location or product")
    @APIResponse(responseCode = "409", description = "The quantity is below what is reserved there")
    public StockLevelResponse put(
            @PathParam("locationCode") @Pattern(regexp = Location.CODE_PATTERN, message = Location.CODE_MESSAGE)
            String locationCode,
            @PathParam("productCode") @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE)
            String productCode,
            @Valid @NotNull StockRequest body) {
        return StockLevelResponse.from(stock.countOnHand(locationCode, productCode, body.quantity()));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/{locationCode}/{productCode}")
    @Operation(summary = "On hand, reserved and available of a product at a location (zeros if never counted)")
    @APIResponse(responseCode = "200", description = "The stock there")
    @APIResponse(responseCode = "404", description = "Unknown location or product")
    public StockLevelResponse get(
            @PathParam("locationCode") @Pattern(regexp = Location.CODE_PATTERN, message = Location.CODE_MESSAGE)
            String locationCode,
            @PathParam("productCode") @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE)
            String productCode) {
        return StockLevelResponse.from(stock.levelAt(locationCode, productCode));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/{productCode}")
    @Operation(summary = "On hand, reserved and available of a product by location, with totals")
    @APIResponse(responseCode = "200", description = "The product's stock; an empty list where it is held nowhere")
    @APIResponse(responseCode = "404", description = "Unknown product")
    public ProductStockResponse byProduct(
            @PathParam("productCode") @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE)
            String productCode) {
        return ProductStockResponse.from(productCode, stock.levelsOf(productCode));
    }
}
