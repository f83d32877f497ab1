package pe.telco.orders.ruleset.whatif;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.RulesetStatus;
import pe.telco.orders.ruleset.RulesetVersion;
import pe.telco.orders.ruleset.sandbox.CandidateSandbox;
import pe.telco.orders.terms.TermsService;

/**
 * What-if: a stored evaluation's frozen facts (or a blank order), edited in business terms, decided by one or two
 * versions side by side. Versions that were live run here (they are compiled and trusted); candidates run in the
 * sandbox, as their impact previews do. Nothing is stored: no evaluation, firing, order, event or stock change.
 */
@ApplicationScoped
public class WhatIfService {

    private static final String BLANK_ORDER = "WHAT-IF";

    private final DecisionRecord record;
    private final CompiledRulesets compiled;
    private final RulesetService rulesets;
    private final CandidateSandbox sandbox;
    private final ProductService products;
    private final TermsService terms;
    private final ObjectMapper json;
    private final OperatorTime time;

    public WhatIfService(DecisionRecord record, CompiledRulesets compiled, RulesetService rulesets,
            CandidateSandbox sandbox, ProductService products, TermsService terms, ObjectMapper json,
            OperatorTime time) {
        this.record = record;
        this.compiled = compiled;
        this.rulesets = rulesets;
        this.sandbox = sandbox;
        this.products = products;
        this.terms = terms;
        this.json = json;
        this.time = time;
    }

    /** The frozen facts of a stored evaluation as an editable scenario. */
    @Transactional
    public WhatIf.Start fromEvaluation(long evaluationId) {
        StoredDecision stored = record.find(evaluationId).orElseThrow(() -> new NotFound("Evaluation", evaluationId));
        var e = stored.evaluation();
        return new WhatIf.Start(e.getId(), e.getOrderNumber(), e.getRulesetVersion(), e.getDecision().name(),
                rulesets.active().getVersion(), ScenarioFacts.of(FactsSnapshot.read(json, e.getFacts())));
    }

    /** A new customer's order on the web with no items yet, under the terms in effect today. */
    @Transactional
    public WhatIf.Start blank() {
        String current = terms.currentVersion(time.now().toLocalDate()).orElse("");
        return new WhatIf.Start(null, null, null, null, rulesets.active().getVersion(), new Scenario(
                new Scenario.Customer("DNI", "00000000", "RESIDENTIAL", false, 0, null, null),
                new Scenario.Order("WEB", "HOME_DELIVERY", "", "", current, current, "PEN", null),
                List.of(), List.of(), List.of(), List.of()));
    }

    /** Decides the scenario under each version asked; {@code language} "es" or "en" for the why-not sentences. */
    public WhatIf.Response run(WhatIf.Request request, String language) {
        if (request == null) {
            throw new InvalidInput("facts", "is required");
        }
        Prepared prepared = prepare(request);
        boolean spanish = "es".equals(language);
        String facts = FactsSnapshot.write(json, prepared.facts());
        List<WhatIfRun.Version> candidates = prepared.versions().stream()
                .filter(v -> !wasLive(v)).map(v -> new WhatIfRun.Version(v.getVersion(), v.getStatus().name(),
                        rulesets.files(v.getVersion()))).toList();
        Map<Integer, WhatIfRun.Answer> fromSandbox = new HashMap<>();
        if (!candidates.isEmpty()) {
            sandbox.whatIf(new WhatIfRun.SandboxRequest(candidates, facts, spanish)).answers()
                    .forEach(a -> fromSandbox.put(a.version(), a));
        }
        List<WhatIfRun.Answer> answers = new ArrayList<>();
        for (RulesetVersion v : prepared.versions()) {
            answers.add(wasLive(v) ? WhatIfRun.run(compiled.version(v.getVersion()), compiled.tables(v.getVersion()),
                    prepared.facts(), v.getStatus().name(), spanish) : fromSandbox.get(v.getVersion()));
        }
        return new WhatIf.Response(request.evaluationId(), prepared.facts().order().getOrderNumber(),
                request.facts(), answers, answers.size() == 2 ? WhatIf.Difference.of(answers.get(0), answers.get(1))
                        : null, false);
    }

    private record Prepared(EvaluationFacts facts, List<RulesetVersion> versions) {
    }

    /** Reads what the scenario needs (base evaluation, products, versions) and checks every field; reads only. */
    @Transactional
    Prepared prepare(WhatIf.Request request) {
        Optional<EvaluationFacts> base = request.evaluationId() == null ? Optional.empty()
                : Optional.of(record.find(request.evaluationId()).orElseThrow(() -> new InvalidInput("evaluationId",
                        "there is no evaluation " + request.evaluationId())))
                        .map(s -> FactsSnapshot.read(json, s.evaluation().getFacts()));
        List<RulesetVersion> versions = versions(request.versions());
        Map<String, ItemFacts> templates = new HashMap<>();
        var codes = ScenarioFacts.productCodes(request.facts());
        products.byCodes(codes).forEach((code, p) -> templates.put(code, template(p)));
        base.ifPresent(b -> b.items().forEach(i -> templates.put(i.getProductCode(), i)));
        OffsetDateTime now = time.now();
        EvaluationFacts facts = ScenarioFacts.facts(request.facts(), templates,
                base.map(b -> b.order().getOrderNumber()).orElse(BLANK_ORDER), now);
        return new Prepared(facts, versions);
    }

    private List<RulesetVersion> versions(List<Integer> asked) {
        if (asked == null || asked.isEmpty()) {
            return List.of(rulesets.active());
        }
        if (asked.size() > 2 || new LinkedHashSet<>(asked).size() != asked.size() || asked.contains(null)) {
            throw new InvalidInput("versions", "give one or two different ruleset versions");
        }
        List<FieldError> errors = new ArrayList<>();
        List<RulesetVersion> versions = new ArrayList<>();
        for (int n = 0; n < asked.size(); n++) {
            try {
                versions.add(rulesets.find(asked.get(n)));
            } catch (NotFound e) {
                errors.add(new FieldError("versions[" + n + "]", "there is no ruleset version " + asked.get(n),
                        "no existe la versión de reglas " + asked.get(n)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        versions.stream().filter(v -> !wasLive(v) && DeveloperCode.pending(json, v)).findFirst().ifPresent(v -> {
            throw new StateConflict("Ruleset version " + v.getVersion() + " carries a developer's change (DRL or table"
                    + " structure) that runs nothing until a second person activates it", v.getStatus().name(),
                    ResourceRef.of("rulesets", v.getVersion()), List.of("POST /api/rulesets/" + v.getVersion()
                            + "/activation"));
        });
        return versions;
    }

    /** Versions that were live are trusted and compiled in the service; the others run in the sandbox only. */
    static boolean wasLive(RulesetVersion version) {
        return version.getStatus() == RulesetStatus.ACTIVE || version.getStatus() == RulesetStatus.RETIRED;
    }

    private static ItemFacts template(Product p) {
        return new ItemFacts(0, p.getCode(), p.getName(), p.getKind().name(), p.getCategory().name(), 1, 0,
                p.getPrice(), p.getMonthlyFee(), p.getDownloadMbps() == null ? 0 : p.getDownloadMbps(),
                p.getContractMonths(), p.isFinanceable(), p.getMaxInstallments());
    }
}
