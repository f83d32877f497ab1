package pe.telco.orders.engine.suite;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import pe.telco.orders.engine.RuleInfo;

/**
 * Which rules of a ruleset no example and no suite case fired: table rows by file, sheet and Excel row, DRL rules by
 * file and line. {@code rules} counts every rule, {@code fired} those something fired.
 */
public record RuleCoverage(int rules, int fired, List<NotFired> notFired) {

    /** A rule nothing fired, where a business user finds it; {@code sheet} is absent for a DRL rule. */
    public record NotFired(String rule, String description, String file, String sheet, Integer row) {
    }

    public static RuleCoverage of(Map<String, RuleInfo> catalog, Collection<String> firedIds) {
        List<NotFired> notFired = catalog.values().stream().filter(r -> !firedIds.contains(r.id()))
                .sorted(Comparator.comparing(RuleInfo::source).thenComparing(r -> r.row() == null ? 0 : r.row()))
                .map(r -> new NotFired(r.id(), r.description(), r.source(), r.sheet(), r.row())).toList();
        return new RuleCoverage(catalog.size(), catalog.size() - notFired.size(), notFired);
    }
}
