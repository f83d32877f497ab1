package pe.telco.orders.engine;

import pe.telco.orders.common.Unprocessable;

/** The rules threw while deciding an order; names the rule so its author can fix it. Nothing was stored. */
public class RulesFailed extends Unprocessable {

    private final String ruleId;

    public RulesFailed(String ruleId, String message) {
        super("rule-error", message);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
