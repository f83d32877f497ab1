package pe.telco.orders.engine;

import java.util.Locale;

/**
 * One file of a ruleset: a DRL file, a {@code .drl.xlsx} decision table or a {@code .suite.xlsx} regression suite
 * (whole-order test cases, stored with the rules but never compiled), by name and exact bytes.
 */
public record RuleFile(String name, byte[] content) {

    public boolean isDecisionTable() {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl.xlsx");
    }

    public boolean isSuite() {
        return name.toLowerCase(Locale.ROOT).endsWith(".suite.xlsx");
    }

    public boolean isDrl() {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl");
    }
}
