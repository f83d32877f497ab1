package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.AuditSummary;
import pe.telco.orders.audit.AuditSummaryService;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.ruleset.RulesetResponse;
import pe.telco.orders.ruleset.RulesetService;

/** The first page: decisions per day over the last 30 days, top reasons, decisions by channel, the active rules. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    static final int DAYS = 30;
    /** Who reads the overview (the frame shows its menu entry to the same people). */
    static final List<String> READERS = List.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.AUDITOR, Roles.OPERATIONS);
    static final int CHART_HEIGHT = 160;
    static final int COLUMN = 20;

    /** One day's column of the chart: its stacked segments (released, held, rejected). */
    public record Day(String label, boolean labelled, int x, long total, List<Segment> segments) {

        public int barX() {
            return x + 2;
        }

        public int labelX() {
            return x + COLUMN / 2;
        }
    }

    /** A segment of a day's column. */
    public record Segment(String decision, String kind, long count, int y, int height) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(long evaluations, List<Day> days, int chartWidth, int viewWidth, long maxPerDay,
                List<Views.Bar> decisions, List<Views.Bar> channels, List<AuditSummary.ReasonCount> reasons,
                RulesPages.VersionRow active);
    }

    private final AuditSummaryService summaries;
    private final RulesetService rulesets;
    private final ConsoleContext console;

    public OverviewPage(AuditSummaryService summaries, RulesetService rulesets, ConsoleContext console) {
        this.summaries = summaries;
        this.rulesets = rulesets;
        this.console = console;
    }

    /** The warehouse and field service sign in here too (the login's landing page): they start at their own list. */
    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.APPROVER, Roles.AUDITOR, Roles.OPERATIONS,
            Roles.WAREHOUSE, Roles.FIELD_SERVICE})
    public Response start() {
        if (READERS.stream().noneMatch(console::has)) {
            return Response.seeOther(URI.create(console.has(Roles.WAREHOUSE) ? "/console/shipments"
                    : "/console/work-orders")).build();
        }
        return Response.ok(overview()).build();
    }

    private TemplateInstance overview() {
        LocalDate today = OperatorTime.local(OffsetDateTime.now()).toLocalDate();
        OffsetDateTime from = today.minusDays(DAYS - 1).atStartOfDay(OperatorTime.ZONE).toOffsetDateTime();
        AuditSummary counts = summaries.counts(from, null);
        List<AuditSummary.DayCount> perDay = summaries.perDay(from, null);
        List<AuditSummary.ReasonCount> reasons = counts.byCheckAndReason().stream()
                .filter(r -> !"PASS".equals(r.outcome())).limit(10).toList();
        RulesetResponse active = RulesetResponse.summary(rulesets.active());
        long max = days(today, perDay, 1).stream().mapToLong(Day::total).max().orElse(1);
        return console.page(Templates.overview(counts.evaluations(), days(today, perDay, Math.max(1, max)),
                DAYS * COLUMN, DAYS * COLUMN + 40, max, bars(counts.byDecision(), true), bars(counts.byChannel(), false), reasons,
                RulesPages.VersionRow.of(active)));
    }

    private static List<Day> days(LocalDate today, List<AuditSummary.DayCount> perDay, long max) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = today.minusDays(DAYS - 1 - i);
            int y = CHART_HEIGHT;
            long total = 0;
            List<Segment> segments = new ArrayList<>();
            for (String decision : List.of("RELEASED", "HELD", "REJECTED")) {
                long count = perDay.stream().filter(d -> d.day().equals(day) && d.decision().equals(decision))
                        .mapToLong(AuditSummary.DayCount::count).sum();
                int height = (int) (count * CHART_HEIGHT / max);
                y -= height;
                total += count;
                if (count > 0) {
                    segments.add(new Segment(decision, Views.kind(decision), count, y, Math.max(1, height)));
                }
            }
            days.add(new Day(day.toString().substring(5), i % 5 == 4 || i == 0, i * COLUMN, total, segments));
        }
        return days;
    }

    private static List<Views.Bar> bars(List<AuditSummary.Count> counts, boolean decisions) {
        return Views.Bar.of(counts.stream().map(AuditSummary.Count::value).toList(),
                counts.stream().map(AuditSummary.Count::count).toList(),
                counts.stream().map(c -> decisions ? Views.kind(c.value()) : "neutral").toList());
    }
}
