package pe.telco.orders.audit;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proves the audit record was not changed: walks the hash chain of sealed evaluations against signed checkpoints. */
@Path("/api/audit/verification")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class IntegrityResource {

    private final ChainVerifier verifier;

    public IntegrityResource(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Operation(summary = "Walk the seal chain (or the links sealed from/to); the first broken link and how many "
            + "evaluations wait for their seal; every signed checkpoint held against the chain, the first that "
            + "disagrees (missing, forged, rewritten or cut)")
    public ChainVerification verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        return verifier.verify(EvaluationFilter.time("from", from), EvaluationFilter.time("to", to));
    }
}
