package pe.telco.orders.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A signed statement of the chain at one moment: the seal at its head (position {@code seq} and hash) and how many
 * evaluations were sealed. The signature covers the canonical JSON of every other field, so a checkpoint file is
 * checked on its own, with the public key alone.
 */
record Checkpoint(long number, long seq, String headHash, long sealedCount, String createdAt, String keyId,
        String signature) {

    static final String FORMAT = "orders-audit-checkpoint/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new checkpoint of this head, signed. */
    static Checkpoint sign(long number, Sealer.Head head, long sealedCount, String createdAt, CheckpointKeys keys) {
        Checkpoint unsigned = new Checkpoint(number, head.seq(), head.hash(), sealedCount, createdAt,
                CheckpointKeys.keyId(keys.publicKey()), null);
        return new Checkpoint(number, head.seq(), head.hash(), sealedCount, createdAt, unsigned.keyId(),
                keys.sign(unsigned.signedText()));
    }

    /** Reads a checkpoint file; an unreadable one is an {@link IllegalArgumentException} (reported, never skipped). */
    static Checkpoint parse(String content) {
        try {
            JsonNode node = JSON.readTree(content);
            if (node == null || !FORMAT.equals(node.path("format").asText())) {
                throw new IllegalArgumentException("not a checkpoint (format " + FORMAT + " expected)");
            }
            return new Checkpoint(number(node, "number"), number(node, "seq"), text(node, "headHash"),
                    number(node, "sealedCount"), text(node, "createdAt"), text(node, "keyId"), text(node, "signature"));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** Exactly the text that is signed: canonical JSON of all fields but the signature. */
    String signedText() {
        return CanonicalJson.write(payload());
    }

    /** The file's content: the signed fields and the signature, canonical. */
    String json() {
        ObjectNode node = payload();
        node.put("signature", signature);
        return CanonicalJson.write(node) + "\n";
    }

    private ObjectNode payload() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("number", number);
        node.put("seq", seq);
        node.put("headHash", headHash);
        node.put("sealedCount", sealedCount);
        node.put("createdAt", createdAt);
        node.put("keyId", keyId);
        return node;
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("no whole number in " + field);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text in " + field);
        }
        return value.asText();
    }
}
