package pe.telco.orders.catalog;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.Page;

/** HTTP face of the catalogue: {@code /api/products}. */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ProductResource {

    private final ProductService products;

    ProductResource(ProductService products) {
        this.products = products;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Path("/{code}")
    @Operation(summary = "Create or replace a product (idempotent)")
    @APIResponse(responseCode = "200", description = "The stored product, created or replaced")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    public ProductResponse put(
            @PathParam("code") @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE) String code,
            @Valid @NotNull ProductRequest body) {
        return ProductResponse.from(products.upsert(code, body));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/{code}")
    @Operation(summary = "Read a product")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "No product with this code")
    public ProductResponse get(
            @PathParam("code") @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE) String code) {
        return ProductResponse.from(products.get(code));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "List the catalogue, ordered by code")
    @APIResponse(responseCode = "200", description = "One page of products")
    @APIResponse(responseCode = "400", description = "page below 0 or size outside 1..200")
    public Page<ProductResponse> list(@QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return products.list(paging.page(), paging.size()).map(ProductResponse::from);
    }
}
