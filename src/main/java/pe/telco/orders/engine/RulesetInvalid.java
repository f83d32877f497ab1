package pe.telco.orders.engine;

import java.util.List;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.Unprocessable;

/** A ruleset that must not go live: it does not compile or breaks a table rule. Lists every problem found. */
public class RulesetInvalid extends Unprocessable {

    private final List<RuleProblem> problems;

    public RulesetInvalid(List<RuleProblem> problems) {
        super("invalid-ruleset", problems.size() + " problem(s) in the ruleset, first: " + problems.get(0).location()
                + ": " + problems.get(0).message(), problems.stream()
                .map(p -> new FieldError(p.location(), p.message())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
