package pe.telco.orders.engine;

import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/** A ruleset version compiled once into a shared KieBase, with the catalog that says where each rule is written. */
public record CompiledRuleset(int version, String contentHash, KieBase kieBase, Map<String, RuleInfo> catalog,
        long compileMillis) {

    /** Rule ids are the first word of a rule's name: "INV-001 Device needs stock" and table NAMEs like "COV-020". */
    public static String idOf(String ruleName) {
        int space = ruleName.indexOf(' ');
        return space < 0 ? ruleName : ruleName.substring(0, space);
    }

    public Optional<RuleInfo> rule(String ruleName) {
        return Optional.ofNullable(catalog.get(idOf(ruleName)));
    }
}
