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
                ImpactTally.Report report, List<Views.Bar> transitions, List<ChangedOrder> orders);
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
        List<ChangedOrder> orders = new ArrayList<>();
        ConsoleMessages m = console.messages();
        if (report != null) {
            List<String> keys = new ArrayList<>(report.transitions().keySet());
            bars = Views.Bar.of(keys.stream().map(k -> transition(k, m)).toList(),
                    keys.stream().map(k -> (long) report.transitions().get(k)).toList(),
                    keys.stream().map(k -> Views.kind(k.substring(k.lastIndexOf(' ') + 1))).toList());
            report.orders().forEach(o -> orders.add(ChangedOrder.of(o, m)));
        }
        return console.page(Templates.impact(job, percent(job), finished, report, bars, orders));
    }

    /** What the progress bar polls. */
    @GET
    @Path("/{id: \\d+}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public Progress progress(@PathParam("id") long id) {
        ImpactResponse job = ImpactResponse.of(impact.find(id), json);
        return new Progress(job.state(), console.messages().impactStateName(job.state()), job.processed(), job.total(),
                percent(job));
    }

    /** A job's state (its code and its name in the console's language) and how far it got. */
    public record Progress(String state, String label, int processed, int total, int percent) {
    }

    private static final java.util.regex.Pattern CUSTOMER = java.util.regex.Pattern.compile("^(.*) \\((\\w+)\\)$");

    /** An order whose answer would change, with its customer and decisions in the console's words. */
    public record ChangedOrder(ImpactTally.ChangedOrder order, String customer, String from, String to,
            List<String> reasonsBefore, List<String> reasonsAfter) {

        static ChangedOrder of(ImpactTally.ChangedOrder o, ConsoleMessages m) {
            String customer = o.ordered() == null ? "" : o.ordered().customer();
            // stored as "DNI 45871236 (RESIDENTIAL)": the segment is a code, shown by its name
            java.util.regex.Matcher segment = CUSTOMER.matcher(customer);
            if (segment.matches()) {
                customer = segment.group(1) + " · " + m.segmentName(segment.group(2));
            }
            return new ChangedOrder(o, customer, m.decisionName(o.from()), m.decisionName(o.to()),
                    reasons(o.reasonsBefore(), m), reasons(o.reasonsAfter(), m));
        }

        /** "CREDIT REVIEW BORDERLINE_CREDIT" as "Crédito · Revisión · BORDERLINE_CREDIT". */
        private static List<String> reasons(List<String> reasons, ConsoleMessages m) {
            return reasons == null ? List.of() : reasons.stream().map(r -> {
                String[] parts = r.split(" ", 3);
                return parts.length < 3 ? r
                        : m.checkName(parts[0]) + " · " + m.outcomeName(parts[1]) + " · " + parts[2];
            }).toList();
        }
    }

    /** "RELEASED → HELD" in the console's words. */
    private static String transition(String key, ConsoleMessages m) {
        String[] sides = key.split(" → ", 2);
        return sides.length < 2 ? key : m.decisionName(sides[0]) + " → " + m.decisionName(sides[1]);
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
