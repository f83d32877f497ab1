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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.DomainException;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.whatif.Scenario;
import pe.telco.orders.ruleset.whatif.WhatIf;
import pe.telco.orders.ruleset.whatif.WhatIfService;

/**
 * What-if in the browser: open a stored evaluation (or a blank order), edit its facts in business terms, decide them
 * with one or two versions side by side. Invalid fields are marked beside the field in the person's language.
 */
@Path("/console/what-if")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
public class WhatIfPages {

    /** A version to choose: its number and status. */
    public record VersionOption(String value, String label) {
    }

    /** Everything the page shows. */
    public record View(WhatIf.Start start, String intro, List<VersionOption> versions, String versionA,
            String versionB, List<WhatIfForm.Section> sections, int invalid, String refused, WhatIf.Response answer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whatIf(View view);
    }

    private final WhatIfService whatIf;
    private final RulesetService rulesets;
    private final ConsoleContext console;

    public WhatIfPages(WhatIfService whatIf, RulesetService rulesets, ConsoleContext console) {
        this.whatIf = whatIf;
        this.rulesets = rulesets;
        this.console = console;
    }

    @GET
    public Response open(@QueryParam("evaluation") String evaluation) {
        WhatIfMessages m = messages();
        if (evaluation == null || evaluation.isBlank()) {
            return Response.ok(page(whatIf.blank(), m, null, null, Map.of(), null, null)).build();
        }
        try {
            return Response.ok(page(whatIf.fromEvaluation(Long.parseLong(evaluation.strip())), m, null, null,
                    Map.of(), null, null)).build();
        } catch (NumberFormatException | NotFound e) {
            return Response.status(404).entity(page(whatIf.blank(), m, null, null, Map.of(),
                    m.refused(console.lang().equals("es") ? "no existe la evaluación " + evaluation
                            : "there is no evaluation " + evaluation), null)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(MultivaluedMap<String, String> form) {
        WhatIfMessages m = messages();
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        Long evaluationId = fields.getOrDefault("evaluationId", "").matches("\\d{1,18}")
                ? Long.valueOf(fields.get("evaluationId")) : null;
        WhatIf.Start start = evaluationId == null ? whatIf.blank() : whatIf.fromEvaluation(evaluationId);
        String a = fields.getOrDefault("versionA", "");
        String b = fields.getOrDefault("versionB", "");
        WhatIfForm.Read read = WhatIfForm.read(fields);
        Scenario scenario = read.scenario();
        start = new WhatIf.Start(start.evaluationId(), start.orderNumber(), start.rulesetVersion(), start.decision(),
                start.activeVersion(), scenario);
        if (!read.errors().isEmpty()) {
            return Response.status(400).entity(page(start, m, a, b, byField(read.errors()), null, null)).build();
        }
        List<Integer> versions = new ArrayList<>();
        for (String v : List.of(a, b)) {
            if (v.matches("\\d{1,9}")) {
                versions.add(Integer.valueOf(v));
            }
        }
        try {
            WhatIf.Response answer = whatIf.run(new WhatIf.Request(evaluationId, versions, scenario), console.lang());
            return Response.ok(page(start, m, a, b, Map.of(), null, answer)).build();
        } catch (InvalidInput e) {
            return Response.status(400).entity(page(start, m, a, b, byField(e.errors()), null, null)).build();
        } catch (RulesetInvalid e) {
            return Response.status(422).entity(page(start, m, a, b, Map.of(),
                    m.refused(e.problems().get(0).message(console.lang())), null)).build();
        } catch (DomainException e) {
            return Response.status(409).entity(page(start, m, a, b, Map.of(), m.refused(e.getMessage()), null))
                    .build();
        }
    }

    private Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(console.lang()), (x, y) -> x + "; " + y));
        return byField;
    }

    private TemplateInstance page(WhatIf.Start start, WhatIfMessages m, String a, String b,
            Map<String, String> errors, String refused, WhatIf.Response answer) {
        List<VersionOption> versions = rulesets.list(0, 200).items().stream()
                .map(v -> new VersionOption(String.valueOf(v.getVersion()), v.getVersion() + " · "
                        + console.messages().statusName(v.getStatus().name()))).toList();
        String intro = start.evaluationId() == null ? m.fromBlank() : m.fromEvaluation(start.evaluationId(),
                start.orderNumber(), console.messages().decisionName(start.decision()), start.rulesetVersion());
        return console.page(Templates.whatIf(new View(start, intro, versions,
                a == null ? String.valueOf(start.activeVersion()) : a, b == null ? "" : b,
                WhatIfForm.sections(start.facts(), errors, m), errors.size(), refused, answer)));
    }

    private WhatIfMessages messages() {
        return console.lang().equals("es") ? MessageBundles.get(WhatIfMessages.class)
                : MessageBundles.get(WhatIfMessages.class, Localized.Literal.of(console.lang()));
    }
}
