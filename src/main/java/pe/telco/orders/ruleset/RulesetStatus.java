package pe.telco.orders.ruleset;

/** Where a ruleset version is in its life: uploaded and checked, live, replaced, or withdrawn by its author. */
public enum RulesetStatus {
    CANDIDATE, ACTIVE, RETIRED, WITHDRAWN
}
