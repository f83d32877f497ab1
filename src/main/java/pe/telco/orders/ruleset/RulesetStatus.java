package pe.telco.orders.ruleset;

/** Where a ruleset version is in its life: uploaded and checked, live, or replaced. */
public enum RulesetStatus {
    CANDIDATE, ACTIVE, RETIRED
}
