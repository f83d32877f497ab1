package pe.telco.orders.customer;

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

/** HTTP face of customers: {@code /api/customers/{documentType}/{documentNumber}}. */
@Path("/api/customers/{documentType}/{documentNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class CustomerResource {

    private static final String TYPE_MESSAGE = "must be one of DNI, CE, RUC, PASSPORT";
    private static final String NUMBER_MESSAGE = "must be 6 to 12 letters or digits";

    private final CustomerService customers;

    CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Operation(summary = "Create or replace a customer and its current products (idempotent)")
    @APIResponse(responseCode = "200", description = "The stored customer")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    public CustomerResponse put(
            @PathParam("documentType") @Pattern(regexp = DocumentType.NAME_PATTERN, message = TYPE_MESSAGE)
            String documentType,
            @PathParam("documentNumber") @Pattern(regexp = DocumentType.ANY_NUMBER_PATTERN, message = NUMBER_MESSAGE)
            String documentNumber,
            @Valid @NotNull CustomerRequest body) {
        return CustomerResponse.from(customers.upsert(DocumentType.valueOf(documentType), documentNumber, body));
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR})
    @GET
    @Operation(summary = "Read a customer with its current products")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "400", description = "The document number does not fit the document type")
    @APIResponse(responseCode = "404", description = "No customer with this document")
    public CustomerResponse get(
            @PathParam("documentType") @Pattern(regexp = DocumentType.NAME_PATTERN, message = TYPE_MESSAGE)
            String documentType,
            @PathParam("documentNumber") @Pattern(regexp = DocumentType.ANY_NUMBER_PATTERN, message = NUMBER_MESSAGE)
            String documentNumber) {
        return CustomerResponse.from(customers.get(DocumentType.valueOf(documentType), documentNumber));
    }
}
