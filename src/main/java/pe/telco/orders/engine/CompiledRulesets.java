package pe.telco.orders.engine;

import java.util.List;

/**
 * Where compiled rulesets come from: the active version for new evaluations, any stored version for replay and
 * explanation. Implemented by the ruleset feature, so evaluation depends on the engine and never on rule storage.
 */
public interface CompiledRulesets {

    /** The ruleset new evaluations run on. */
    CompiledRuleset current();

    /** The ruleset an evaluation taken at {@code at} runs on (a scheduled switch decides by the instant). */
    default CompiledRuleset currentAt(java.time.OffsetDateTime at) {
        return current();
    }

    /** Any stored version, compiled on first use. */
    CompiledRuleset version(int version);

    /** The decision tables of a stored version as a business user reads them (explanations). */
    List<RuleTables.Table> tables(int version);
}
