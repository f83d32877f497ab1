package pe.telco.orders.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a seal covers: an evaluation with its firings as one canonical JSON document, and its SHA-256 together with
 * the previous link's hash. The sealer and the verifier both read the record through here, so they agree exactly.
 */
public final class EvaluationDigest {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EvaluationDigest() {
    }

    /**
     * The canonical documents (without the previous hash) of these evaluations, by id; missing ids are absent. The ids
     * are joined as rows (unnest), not matched with {@code = any(?)}: a cached generic plan of the latter scanned the
     * whole table while its statistics still described it as small (180 ms a batch after a bulk load).
     */
    static Map<Long, ObjectNode> documents(Connection c, List<Long> ids) throws SQLException {
        return documents(c, ids, null);
    }

    /**
     * The same, when each evaluation's time is known (the sealer and the verifier know it): the time joins too, so each
     * row is looked up in its own month's partition only, not in every month's.
     */
    public static Map<Long, ObjectNode> documents(Connection c, List<Long> ids, List<OffsetDateTime> times)
            throws SQLException {
        Map<Long, ObjectNode> documents = new HashMap<>();
        Array idArray = c.createArrayOf("bigint", ids.toArray());
        Array timeArray = times == null ? null : c.createArrayOf("timestamptz", times.toArray());
        String wanted = times == null ? "unnest(?::bigint[]) as wanted(id) join evaluation e on e.id = wanted.id"
                : "unnest(?::bigint[], ?::timestamptz[]) as wanted(id, at)"
                        + " join evaluation e on e.id = wanted.id and e.evaluated_at = wanted.at";
        try (PreparedStatement s = c.prepareStatement("select e.id, order_id, order_number, channel,"
                + " customer_document, decision, ruleset_version, ruleset_hash, facts::text as facts,"
                + " results::text as results, evaluated_at, duration_micros, actor, app_version, drools_version"
                + " from " + wanted)) {
            s.setArray(1, idArray);
            if (timeArray != null) {
                s.setArray(2, timeArray);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    documents.put(rs.getLong("id"), document(rs));
                }
            }
        }
        addFirings(c, idArray, timeArray, documents);
        return documents;
    }

    private static ObjectNode document(ResultSet rs) throws SQLException {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", rs.getLong("id"));
        e.put("orderId", rs.getLong("order_id"));
        e.put("orderNumber", rs.getString("order_number"));
        e.put("channel", rs.getString("channel"));
        e.put("customerDocument", rs.getString("customer_document"));
        e.put("decision", rs.getString("decision"));
        e.put("rulesetVersion", rs.getInt("ruleset_version"));
        e.put("rulesetHash", rs.getString("ruleset_hash"));
        e.set("facts", tree(rs.getString("facts")));
        e.set("results", tree(rs.getString("results")));
        e.put("evaluatedAt", rs.getObject("evaluated_at", OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MICROS));
        e.put("durationMicros", rs.getLong("duration_micros"));
        e.put("actor", rs.getString("actor"));
        e.put("appVersion", rs.getString("app_version"));
        e.put("droolsVersion", rs.getString("drools_version"));
        ObjectNode document = JSON.createObjectNode();
        document.set("evaluation", e);
        document.putArray("firings");
        return document;
    }

    /**
     * A document with its evaluation's facts and customer document replaced (what a retention run stores): the same
     * canonical shape, so its hash on the same link can be recorded and checked later.
     */
    public static ObjectNode withPersonalDataReplaced(ObjectNode document, JsonNode facts, String customerDocument) {
        ObjectNode copy = document.deepCopy();
        ObjectNode e = (ObjectNode) copy.get("evaluation");
        e.set("facts", tree(CanonicalJson.write(facts)));
        e.put("customerDocument", customerDocument);
        return copy;
    }

    /** SHA-256 (hex) of any JSON value's canonical text: what a retention run records of the facts it replaced. */
    public static String digest(JsonNode value) {
        return sha256(CanonicalJson.write(value));
    }

    private static void addFirings(Connection c, Array ids, Array times, Map<Long, ObjectNode> documents)
            throws SQLException {
        String wanted = times == null
                ? "unnest(?::bigint[]) as wanted(id) join rule_firing f on f.evaluation_id = wanted.id"
                : "unnest(?::bigint[], ?::timestamptz[]) as wanted(id, at)"
                        + " join rule_firing f on f.evaluation_id = wanted.id and f.evaluated_at = wanted.at";
        try (PreparedStatement s = c.prepareStatement("select f.* from " + wanted
                + " order by f.evaluation_id, f.sequence")) {
            s.setArray(1, ids);
            if (times != null) {
                s.setArray(2, times);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode document = documents.get(rs.getLong("evaluation_id"));
                    if (document == null) {
                        continue;
                    }
                    ObjectNode f = ((ArrayNode) document.get("firings")).addObject();
                    f.put("sequence", rs.getInt("sequence"));
                    f.put("ruleId", rs.getString("rule_id"));
                    f.put("ruleName", rs.getString("rule_name"));
                    f.put("description", rs.getString("description"));
                    f.put("source", rs.getString("source"));
                    f.put("sheet", rs.getString("sheet"));
                    f.put("row", (Integer) rs.getObject("row_number"));
                    f.put("check", rs.getString("check_name"));
                    f.put("itemLine", (Integer) rs.getObject("item_line"));
                    f.put("outcome", rs.getString("outcome"));
                    f.put("reasonCode", rs.getString("reason_code"));
                }
            }
        }
    }

    /** SHA-256 (hex) of the canonical JSON of the document with {@code prevHash} added. */
    public static String hash(ObjectNode document, String prevHash) {
        return sha256(linked(document, prevHash));
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The canonical JSON of {@code {evaluation, firings, prevHash}}. "prevHash" sorts after the document's two keys,
     * so it is appended to the document's canonical text rather than added to a copy of the tree (the sealer's
     * hottest step).
     */
    static String linked(ObjectNode document, String prevHash) {
        boolean keysBeforePrevHash = document.properties().stream().allMatch(f -> f.getKey().compareTo("prevHash") < 0);
        if (!keysBeforePrevHash) {
            throw new IllegalArgumentException("A sealed document holds only keys that sort before prevHash");
        }
        String canonical = CanonicalJson.write(document);
        return canonical.substring(0, canonical.length() - 1) + (document.isEmpty() ? "" : ",")
                + "\"prevHash\":\"" + prevHash + "\"}";
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored JSON of an evaluation is unreadable", e);
        }
    }
}
