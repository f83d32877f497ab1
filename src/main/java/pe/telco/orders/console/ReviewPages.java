package pe.telco.orders.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import pe.telco.orders.access.Roles;
import pe.telco.orders.approval.ApprovalResponse;
import pe.telco.orders.approval.ApprovalService;
import pe.telco.orders.approval.PendingOrderResponse;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.evaluation.EvaluationService;

/** The review queue: held orders, oldest first, with their reasons and facts; approve or decline with a comment. */
@Path("/console/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    static final int PAGE = 20;

    /** A held order with the facts its evaluation saw. */
    public record Held(PendingOrderResponse order, String createdAt, String heldAt, long evaluationId,
            FactSheet facts) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Held> held, long total, int page, int pages, boolean mayDecide,
                String done, String error);
    }

    private final ApprovalService approvals;
    private final EvaluationService evaluations;
    private final ConsoleContext console;
    private final ObjectMapper json;

    public ReviewPages(ApprovalService approvals, EvaluationService evaluations, ConsoleContext console,
            ObjectMapper json) {
        this.approvals = approvals;
        this.evaluations = evaluations;
        this.console = console;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    public TemplateInstance queue(@QueryParam("done") String done, @QueryParam("page") int page) {
        return page(Math.max(0, page), done, null);
    }

    @POST
    @Path("/{orderId: \\d+}")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("orderId") long orderId, @RestForm String decision, @RestForm String comment) {
        try {
            ApprovalResponse answer = approvals.decide(orderId, "approve".equals(decision),
                    comment == null || comment.isBlank() ? null : comment.strip(), console.user());
            String done = answer.orderNumber() + " → " + console.messages().orderStateName(answer.state().tmf());
            return Response.seeOther(URI.create("/console/review?done="
                    + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
        } catch (StateConflict e) {
            return Response.status(409).entity(page(0, null, e.getMessage())).build();
        }
    }

    private TemplateInstance page(int page, String done, String error) {
        var pending = approvals.pending(page, PAGE);
        List<Held> held = pending.items().stream().map(this::held).toList();
        int pages = (int) Math.max(1, (pending.total() + PAGE - 1) / PAGE);
        return console.page(Templates.queue(held, pending.total(), page, pages, console.has(Roles.APPROVER), done,
                error));
    }

    private Held held(PendingOrderResponse order) {
        var latest = evaluations.latest(order.orderId()).evaluation();
        FactSheet facts;
        try {
            facts = FactSheet.of(json.readTree(latest.getFacts()), console.messages());
        } catch (IOException e) {
            facts = FactSheet.of(null, console.messages());
        }
        return new Held(order, Views.time(order.createdAt()), Views.time(order.heldAt()), latest.getId(), facts);
    }
}
