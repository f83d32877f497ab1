package pe.telco.orders.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Remembers the answer given to a request carrying an {@code Idempotency-Key}, so a retry with the same key and body
 * gets the original answer and the same key with another body is refused. Stored in the caller's transaction, so
 * the answer is remembered exactly when what it describes was stored.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final EntityManager db;
    private final ObjectMapper json;

    public IdempotencyKeys(EntityManager db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A remembered answer. */
    public record Answer(int status, String location, String body) {
    }

    /** The key, checked: printable ASCII, at most 200 characters. */
    public static String checked(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidInput("Idempotency-Key", "must be 1 to 200 printable ASCII characters");
        }
        return key;
    }

    /** The answer already given to this key, if any; refuses the key when it came with another request. */
    public Optional<Answer> previous(String scope, String key, Object request) {
        List<?> rows = db.createNativeQuery("select request_hash, status, location, body from idempotency_key"
                + " where scope = ?1 and key = ?2").setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!row[0].equals(hash(request))) {
            throw new Unprocessable("idempotency-key-reused", "The Idempotency-Key " + key
                    + " was already used with a different request; use a new key for a new request");
        }
        return Optional.of(new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }

    /** Remembers the answer, in the transaction that stored what it describes. */
    public void remember(String scope, String key, Object request, int status, String location, Object body) {
        db.createNativeQuery("insert into idempotency_key (scope, key, request_hash, status, location, body)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash(request)).setParameter(4, status)
                .setParameter(5, location).setParameter(6, write(body)).executeUpdate();
    }

    private String hash(Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }
}
