package pe.telco.orders.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hidden token every console form carries: an HMAC of the signed-in person's name under a server key, so a page
 * on another site, which cannot read the console's pages, cannot forge a form that passes.
 */
@ApplicationScoped
public class ConsoleFormTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "form-token";

    private final SecretKeySpec key;

    /**
     * Keyed from the session encryption key when one is configured, so every instance that shares sessions also
     * accepts each other's forms; otherwise from a random key per start, like the sessions themselves.
     */
    public ConsoleFormTokens(
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        byte[] secret = new byte[32];
        if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
            secret = hmac(sessionKey.get().getBytes(StandardCharsets.UTF_8), "console form tokens");
        } else {
            new SecureRandom().nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String of(String user) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key.getEncoded(), "form:" + user));
    }

    /** Compared in constant time; a missing token never matches. */
    public boolean matches(String user, String token) {
        return token != null && MessageDigest.isEqual(of(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
