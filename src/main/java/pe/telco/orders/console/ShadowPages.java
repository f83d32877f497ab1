package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.DomainException;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.RulesetStatus;
import pe.telco.orders.ruleset.shadow.ShadowResponse;
import pe.telco.orders.ruleset.shadow.ShadowService;
import pe.telco.orders.ruleset.shadow.ShadowTraffic;

/** Shadow mode in the browser: the run that is on and what it found; approvers start and end runs. */
@Path("/console/shadow")
@Produces(MediaType.TEXT_HTML)
public class ShadowPages {

    /** The page: the open run (or none), earlier runs, its differences, candidates to put in shadow. */
    public record View(ShadowResponse.Run open, String since, List<ShadowResponse.Run> runs,
            List<ShadowResponse.Difference> differences, List<Integer> candidates, boolean mayChange, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shadow(View view);
    }

    private final ShadowService shadows;
    private final ShadowTraffic traffic;
    private final RulesetService rulesets;
    private final ConsoleContext console;

    public ShadowPages(ShadowService shadows, ShadowTraffic traffic, RulesetService rulesets,
            ConsoleContext console) {
        this.shadows = shadows;
        this.traffic = traffic;
        this.rulesets = rulesets;
        this.console = console;
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance page() {
        return page(null);
    }

    @POST
    @Path("/start")
    @RolesAllowed(Roles.RULE_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String version, @RestForm String comment) {
        try {
            if (version == null || !version.matches("\\d{1,9}")) {
                return Response.status(400).entity(page(messages().shadowRefused("?"))).build();
            }
            traffic.start(Integer.parseInt(version), console.user(), comment == null || comment.isBlank() ? null
                    : comment.strip().substring(0, Math.min(1000, comment.strip().length())));
            return Response.seeOther(URI.create("/console/shadow")).build();
        } catch (DomainException e) {
            return Response.status(409).entity(page(messages().shadowRefused(e.getMessage()))).build();
        }
    }

    @POST
    @Path("/{id: \\d+}/end")
    @RolesAllowed(Roles.RULE_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("id") long id) {
        try {
            traffic.end(id, console.user(), "ended by " + console.user());
            return Response.seeOther(URI.create("/console/shadow")).build();
        } catch (DomainException e) {
            return Response.status(409).entity(page(messages().shadowRefused(e.getMessage()))).build();
        }
    }

    private TemplateInstance page(String error) {
        List<ShadowResponse.Run> runs = shadows.list(0, 20).items();
        ShadowResponse.Run open = runs.stream().filter(ShadowResponse.Run::active).findFirst()
                .map(r -> shadows.describe(r.id())).orElse(null);
        List<ShadowResponse.Difference> differences = open == null ? List.of()
                : shadows.differences(open.id(), null, 0, 100).items();
        List<Integer> candidates = rulesets.list(0, 200).items().stream()
                .filter(v -> v.getStatus() == RulesetStatus.CANDIDATE).map(v -> v.getVersion()).toList();
        return console.page(Templates.shadow(new View(open, open == null ? "" : Views.time(open.startedAt()), runs,
                differences, candidates, console.has(Roles.RULE_APPROVER), error)), "/console/shadow");
    }

    private WhatIfMessages messages() {
        return console.lang().equals("es") ? MessageBundles.get(WhatIfMessages.class)
                : MessageBundles.get(WhatIfMessages.class, Localized.Literal.of(console.lang()));
    }
}
