package pe.telco.orders.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** Small shapes the console templates read: times as the operator reads them, problems by place, facts as lines. */
final class Views {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Views() {
    }

    /** A problem of an upload where a business user finds it: file, sheet, cell. */
    public record Problem(String file, String sheet, String cell, String message) {

        static Problem of(String location, String message) {
            String[] parts = location == null ? new String[] {""} : location.split("!", 3);
            return new Problem(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", message);
        }
    }

    /** One fact: where it sits in the snapshot ({@code customer.creditScore}) and its value. */
    public record Fact(String name, String value) {
    }

    /** A labelled count with its share of the largest, for a bar. */
    public record Bar(String label, long count, int percent, String kind) {

        static List<Bar> of(List<String> labels, List<Long> counts, List<String> kinds) {
            long max = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                bars.add(new Bar(labels.get(i), counts.get(i), (int) Math.max(1, counts.get(i) * 100 / max),
                        kinds.get(i)));
            }
            return bars;
        }
    }

    static String time(OffsetDateTime time) {
        return time == null ? "" : OperatorTime.local(time).format(TIME);
    }

    static String shortHash(String hash) {
        return hash == null ? "" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** A stored facts snapshot as lines a person can read, nested objects and lists flattened into dotted names. */
    static List<Fact> facts(JsonNode node) {
        List<Fact> facts = new ArrayList<>();
        flatten("", node, facts);
        return facts;
    }

    private static void flatten(String prefix, JsonNode node, List<Fact> facts) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), facts));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                facts.add(new Fact(prefix, "[]"));
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), facts);
            }
        } else {
            facts.add(new Fact(prefix, node.asText()));
        }
    }

    /** The kind of a decision or outcome, for its colour: ok, warn or bad. */
    static String kind(String decisionOrOutcome) {
        return switch (decisionOrOutcome == null ? "" : decisionOrOutcome) {
            case "RELEASED", "PASS", "DONE" -> "ok";
            case "HELD", "REVIEW" -> "warn";
            case "REJECTED", "FAIL", "FAILED" -> "bad";
            default -> "neutral";
        };
    }
}
