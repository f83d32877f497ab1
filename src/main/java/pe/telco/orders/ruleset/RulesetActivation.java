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

    public RulesetActivation(RulesetService rulesets, ActiveRuleset active, RulesConfig config) {
        this.rulesets = rulesets;
        this.active = active;
        this.config = config;
    }

    public RulesetVersion activate(int version, String by, String comment) {
        active.version(version);
        RulesetVersion activated = rulesets.activate(version, by, comment, config.fourEyes());
        active.refresh();
        return activated;
    }
}
