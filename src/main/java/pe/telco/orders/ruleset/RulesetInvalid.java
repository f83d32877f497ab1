package pe.telco.orders.ruleset;

import java.util.List;

/** A ruleset that must not go live: it does not compile or breaks a table rule. Lists every problem found. */
public class RulesetInvalid extends RuntimeException {

    private final List<RuleProblem> problems;

    public RulesetInvalid(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the ruleset, first: " + problems.get(0).location() + ": "
                + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
