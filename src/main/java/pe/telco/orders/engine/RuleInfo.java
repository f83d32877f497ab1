package pe.telco.orders.engine;

/** What an auditor needs to find a rule: its id and sentence, and the file, sheet and row it is written in. */
public record RuleInfo(String id, String description, String source, String sheet, Integer row) {
}
