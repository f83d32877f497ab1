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
        rulesets.checkActivatable(version, by, config.fourEyes());
        candidates.checkBeforeActivation(rulesets.find(version));
        active.version(version);
        RulesetVersion activated = rulesets.activate(version, by, comment, config.fourEyes());
        active.refresh();
        return activated;
    }
}
