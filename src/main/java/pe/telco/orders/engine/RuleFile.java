package pe.telco.orders.engine;

import java.util.Locale;

/** One file of a ruleset: a DRL file or a {@code .drl.xlsx} decision table, by name and exact bytes. */
public record RuleFile(String name, byte[] content) {

    public boolean isDecisionTable() {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl.xlsx");
    }

    public boolean isDrl() {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl");
    }
}
