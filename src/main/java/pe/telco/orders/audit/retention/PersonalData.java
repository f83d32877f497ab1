package pe.telco.orders.audit.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What identifies a person in a stored evaluation, and its replacement by a keyed token (HMAC-SHA256): the customer's
 * document, as the evaluation's column and as the customer fact's document number. The rest of the facts (segment,
 * tenure, credit score, debt, products, postal codes of coverage) says nothing about who once the document is gone,
 * and stays so the decision can still be read and replayed.
 */
final class PersonalData {

    /** The fields replaced, as recorded on every pseudonymised evaluation. */
    static final List<String> FIELDS = List.of("customerDocument", "facts.customer.documentNumber");

    private final Mac mac;

    private PersonalData(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** With the configured key (tokens linkable across runs), or a random one used for this run only. */
    static PersonalData keyed(java.util.Optional<String> key) {
        if (key.isPresent() && !key.get().isBlank()) {
            return new PersonalData(key.get().getBytes(StandardCharsets.UTF_8));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new PersonalData(random);
    }

    /** The facts and customer document with the person's document replaced by its token. */
    record Replaced(ObjectNode facts, String customerDocument) {
    }

    Replaced replace(JsonNode facts, String customerDocument) {
        String token = token(customerDocument);
        int colon = customerDocument.indexOf(':');
        String type = colon < 0 ? "" : customerDocument.substring(0, colon + 1);
        ObjectNode copy = facts.isObject() ? ((ObjectNode) facts).deepCopy() : com.fasterxml.jackson.databind.node
                .JsonNodeFactory.instance.objectNode();
        if (copy.get("customer") instanceof ObjectNode customer && customer.has("documentNumber")) {
            customer.put("documentNumber", token);
        }
        return new Replaced(copy, type + token);
    }

    /** "P-" and 16 hex digits of the HMAC of the whole document ("DNI:45871236"). */
    String token(String value) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        return "P-" + HexFormat.of().formatHex(digest).substring(0, 16);
    }
}
