package pe.telco.orders.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The seal format auditors recompute outside the service (docs/audit.md): SHA-256 of the canonical JSON of
 * {evaluation, firings, prevHash}: keys sorted, no whitespace, plain numbers without trailing zeros, minimal escapes.
 */
class EvaluationDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void aLinkIsTheCanonicalJsonOfTheDocumentWithThePreviousHash() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("""
                { "firings": [ {"sequence": 1, "ruleId": "CREDIT-010", "row": null} ],
                  "evaluation": { "id": 7, "total": 899.00, "zero": 0.0, "big": 1E+3,
                                  "name": "Peña \\"Q\\"\\n\\u0001", "ok": true } }
                """);
        String prev = "0".repeat(64);
        String expected = "{\"evaluation\":{\"big\":1000,\"id\":7,\"name\":\"Peña \\\"Q\\\"\\n\\u0001\",\"ok\":true,"
                + "\"total\":899,\"zero\":0},\"firings\":[{\"row\":null,\"ruleId\":\"CREDIT-010\",\"sequence\":1}],"
                + "\"prevHash\":\"" + prev + "\"}";

        assertThat(EvaluationDigest.linked(document, prev)).isEqualTo(expected);
        assertThat(EvaluationDigest.hash(document, prev)).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theHashChangesWithAnyFieldAndWithThePreviousLink() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("{\"evaluation\":{\"decision\":\"HELD\"},\"firings\":[]}");
        String hash = EvaluationDigest.hash(document, "a".repeat(64));

        assertThat(EvaluationDigest.hash(document, "b".repeat(64))).isNotEqualTo(hash);
        ((ObjectNode) document.get("evaluation")).put("decision", "RELEASED");
        assertThat(EvaluationDigest.hash(document, "a".repeat(64))).isNotEqualTo(hash);
    }

    @Test
    void aDocumentWithAKeyThatWouldSortAfterPrevHashIsRefused() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("{\"evaluation\":{},\"zeta\":1}");

        assertThatThrownBy(() -> EvaluationDigest.linked(document, "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
