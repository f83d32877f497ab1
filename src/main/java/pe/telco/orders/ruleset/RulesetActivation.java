package pe.telco.orders.ruleset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a version live for the API and the console alike: compiled first, outside the transaction, then switched in
 * one transaction (four eyes, base version checked), then this instance swaps its rules at once.
 */
@ApplicationScoped
public class RulesetActivation {

    private final RulesetService rulesets;
    private final ActiveRuleset active;
    private final RulesConfig config;
    private final CandidateService candidates;

    public RulesetActivation(RulesetService rulesets, ActiveRuleset active, RulesConfig config,
            CandidateService candidates) {
        this.rulesets = rulesets;
        this.active = active;
        this.config = config;
        this.candidates = candidates;
    }

    /** A developer's candidate runs its pending checks (in the sandbox) only now, once a second person asks for it. */
    public RulesetVersion activate(int version, String by, String comment) {
        return activate(version, by, comment, null);
    }

    /**
     * As {@link #activate(int, String, String)}; {@code suiteOverride} is the approver's reason to activate a
     * candidate whose regression suite cases fail (refused without one; recorded with the activation).
     */
    public RulesetVersion activate(int version, String by, String comment, String suiteOverride) {
        rulesets.checkActivatable(version, by, config.fourEyes(), suiteOverride);
        candidates.checkBeforeActivation(rulesets.find(version));
        rulesets.checkActivatable(version, by, config.fourEyes(), suiteOverride);
        active.version(version);
        RulesetVersion activated = rulesets.activate(version, by, comment, config.fourEyes(), suiteOverride);
        active.refresh();
        return activated;
    }
}
