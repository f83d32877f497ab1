package pe.telco.orders.engine.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared type of every kind of column a decision table may have, keyed by the column's code snippet (the
 * developer-owned row under the object types). A snippet that is not declared here cannot be compiled: a new kind of
 * column comes with a release that declares how its cells are read, never with an upload.
 */
public final class ColumnTypes {

    /** How the cells of one kind of column are read. */
    public record Declared(ValueType type, List<String> allowed) {

        static Declared of(ValueType type, String... allowed) {
            return new Declared(type, List.of(allowed));
        }
    }

    private static final String[] SEGMENTS = {"RESIDENTIAL", "BUSINESS"};
    private static final String[] CHANNELS = {"STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP"};
    private static final String[] OUTCOMES = {"PASS", "REVIEW", "FAIL"};

    private static final Map<String, Declared> BY_SNIPPET = Map.ofEntries(
            // conditions: who and what is ordered
            Map.entry("segment == \"$param\"", Declared.of(ValueType.CODE, SEGMENTS)),
            Map.entry("channel == \"$param\"", Declared.of(ValueType.CODE, CHANNELS)),
            Map.entry("newCustomer == $param", Declared.of(ValueType.YES_NO)),
            Map.entry("inCategories(\"$param\")", Declared.of(ValueType.CODE_LIST)),
            Map.entry("category == \"$param\"", Declared.of(ValueType.CODE)),
            Map.entry("kind == \"$param\"", Declared.of(ValueType.CODE, "DEVICE", "SERVICE")),
            Map.entry("deliveryMethod == \"$param\"", Declared.of(ValueType.CODE, "HOME_DELIVERY", "STORE_PICKUP")),
            // conditions: amounts and counts
            Map.entry("financedTotal >= $param", Declared.of(ValueType.AMOUNT)),
            Map.entry("financedTotal <= $param", Declared.of(ValueType.AMOUNT)),
            Map.entry("orderTotal >= $param", Declared.of(ValueType.AMOUNT)),
            Map.entry("deviceCount >= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("contractMonths >= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("contractMonths <= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            // conditions: credit
            Map.entry("hasCreditScore == $param", Declared.of(ValueType.YES_NO)),
            Map.entry("creditScore >= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("creditScore <= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("overdueDebt >= $param", Declared.of(ValueType.AMOUNT)),
            Map.entry("overdueDebt <= $param", Declared.of(ValueType.AMOUNT)),
            Map.entry("tenureMonths >= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("maxInstallments <= $param", Declared.of(ValueType.WHOLE_NUMBER)),
            // conditions: coverage, compatibility, terms
            Map.entry("technology == \"$param\"", Declared.of(ValueType.CODE, "FTTH", "HFC", "DSL", "LTE", "NR5G")),
            Map.entry("offered == $param", Declared.of(ValueType.YES_NO)),
            Map.entry("speedFor($q.requestedMbps) == \"$param\"", Declared.of(ValueType.CODE, "WITHIN", "EXCEEDS")),
            Map.entry("atServiceAddress == $param", Declared.of(ValueType.YES_NO)),
            Map.entry("termsStatus == \"$param\"",
                    Declared.of(ValueType.CODE, "CURRENT", "OUTDATED", "NOT_ACCEPTED", "NONE_PUBLISHED")),
            // actions: a check's answer
            Map.entry("CheckResult r = $q.answer(Outcome.$param);", Declared.of(ValueType.CODE, OUTCOMES)),
            Map.entry("r.setCode(\"$param\");", Declared.of(ValueType.CODE)),
            Map.entry("r.setMessage(\"$param\");", Declared.of(ValueType.TEXT)),
            // the message a channel may read, beside the internal one; it completes the answer
            Map.entry("r.setChannelMessage(\"$param\"); insert(r); delete($q);", Declared.of(ValueType.TEXT)),
            // rulesets stored before the channel-message column (issue 15) still compile and replay
            Map.entry("r.setMessage(\"$param\"); insert(r); delete($q);", Declared.of(ValueType.TEXT)),
            // actions: the work a released item creates
            Map.entry("$f.setWork(\"$param\");", Declared.of(ValueType.CODE, "SHIPMENT", "INSTALLATION", "ACTIVATION")),
            Map.entry("$f.setLeadDays($param);", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("$f.setWindowDays($param);", Declared.of(ValueType.WHOLE_NUMBER)),
            Map.entry("$f.setSlot(\"$param\");", Declared.of(ValueType.TIME_SLOT)),
            Map.entry("$f.setInstallationFee(new java.math.BigDecimal(\"$param\"));", Declared.of(ValueType.AMOUNT)),
            Map.entry("$f.setInstructions(\"$param\"); $f.setRuleId(drools.getRule().getName()); delete($f);",
                    Declared.of(ValueType.TEXT)));

    private ColumnTypes() {
    }

    /** The declared reading of a column: NAME and DESCRIPTION by keyword, conditions and actions by snippet. */
    public static Optional<Declared> of(String keyword, String snippet) {
        return switch (keyword) {
            case "NAME" -> Optional.of(Declared.of(ValueType.RULE_ID));
            case "DESCRIPTION" -> Optional.of(Declared.of(ValueType.DESCRIPTION));
            case "CONDITION", "ACTION" -> Optional.ofNullable(BY_SNIPPET.get(snippet.strip()));
            default -> Optional.empty();
        };
    }
}
