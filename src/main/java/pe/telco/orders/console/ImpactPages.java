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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.record.SnapshotReader;
import pe.telco.orders.ruleset.impact.ImpactJob;
import pe.telco.orders.ruleset.impact.ImpactResource.ImpactResponse;
import pe.telco.orders.ruleset.impact.ImpactService;
import pe.telco.orders.ruleset.impact.ImpactTally;

/** The impact preview of a version: started from its page, a progress bar while it runs, then what would change. */
@Path("/console/impact")
public class ImpactPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance impact(ImpactResponse job, int percent, boolean finished,
                ImpactTally.Report report, List<Views.Bar> transitions);
    }

    private final ImpactService impact;
    private final ConsoleContext console;
    private final ObjectMapper json;

    public ImpactPages(ImpactService impact, ConsoleContext console, ObjectMapper json) {
        this.impact = impact;
        this.console = console;
        this.json = json;
    }

    /** Form fields: the {@code version} to preview and how many of the {@code last} evaluations to re-run. */
    @POST
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm int version, @RestForm Integer last) {
        int count = last == null ? 1000 : Math.max(1, Math.min(last, 1_000_000));
        ImpactJob job = impact.request(version, new SnapshotReader.Selection(count, null, null), console.user());
        return Response.seeOther(URI.create("/console/impact/" + ImpactResponse.of(job, json).id())).build();
    }

    @GET
    @Path("/{id: \\d+}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance page(@PathParam("id") long id) {
        ImpactResponse job = ImpactResponse.of(impact.find(id), json);
        boolean finished = !job.state().equals("QUEUED") && !job.state().equals("RUNNING");
        ImpactTally.Report report = report(job);
        List<Views.Bar> bars = new ArrayList<>();
        if (report != null) {
            List<String> labels = new ArrayList<>(report.transitions().keySet());
            bars = Views.Bar.of(labels, labels.stream().map(l -> (long) report.transitions().get(l)).toList(),
                    labels.stream().map(l -> Views.kind(l.substring(l.lastIndexOf(' ') + 1))).toList());
        }
        return console.page(Templates.impact(job, percent(job), finished, report, bars));
    }

    /** What the progress bar polls. */
    @GET
    @Path("/{id: \\d+}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public Progress progress(@PathParam("id") long id) {
        ImpactResponse job = ImpactResponse.of(impact.find(id), json);
        return new Progress(job.state(), job.processed(), job.total(), percent(job));
    }

    /** A job's state and how far it got. */
    public record Progress(String state, int processed, int total, int percent) {
    }

    private static int percent(ImpactResponse job) {
        if (job.state().equals("DONE")) {
            return 100;
        }
        return job.total() == 0 ? 0 : (int) Math.min(100, job.processed() * 100L / job.total());
    }

    private ImpactTally.Report report(ImpactResponse job) {
        try {
            return job.report() == null ? null : json.treeToValue(job.report(), ImpactTally.Report.class);
        } catch (IOException e) {
            return null;
        }
    }
}
