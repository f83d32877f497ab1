package pe.telco.orders.evaluation.facts;

import java.util.Map;

/**
 * A check that applies to the order (line 0) or to one item and still waits for its answer. The first table row
 * that matches answers it and deletes it, so later rows do not fire for it (first hit); a question still open after
 * every table ran is answered REVIEW / NO_RULE_MATCHED by the guard rule (no silent pass).
 */
public abstract class Question {

    private final Check check;
    private final int line;
    private final String productCode;

    protected Question(Check check, int line, String productCode) {
        this.check = check;
        this.line = line;
        this.productCode = productCode;
    }

    /** Starts the answer; the rule then sets its reason code and message and inserts it. */
    public CheckResult answer(Outcome outcome) {
        return new CheckResult(check, line, productCode, outcome, placeholders());
    }

    /** True when {@code value} is one of the comma-separated names in a table cell ({@code "FIBER_INTERNET, TV"}). */
    protected static boolean listed(String names, String value) {
        for (String name : names.split(",")) {
            if (name.trim().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** Placeholder values by name, given as name, value pairs; a missing value stays visible as {name}. */
    protected static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Values a reason message may name as {@code {name}}. */
    public abstract Map<String, Object> placeholders();

    public Check getCheck() { return check; }
    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
}
