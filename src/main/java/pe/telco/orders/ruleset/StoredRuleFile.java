package pe.telco.orders.ruleset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import pe.telco.orders.engine.RuleFile;

/** The exact bytes of one file of one ruleset version. */
@Entity
@Table(name = "ruleset_file")
public class StoredRuleFile {

    /** Version and file name. */
    @Embeddable
    public record Key(@Column(name = "ruleset_version") Integer version, @Column(name = "name") String name)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private byte[] content;
    private String sha256;

    protected StoredRuleFile() {
    }

    public StoredRuleFile(int version, RuleFile file) {
        this.key = new Key(version, file.name());
        this.content = file.content();
        this.sha256 = sha256(file.content());
    }

    /** The plain SHA-256 of the bytes, as {@code sha256sum} prints it. */
    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public RuleFile toRuleFile() {
        return new RuleFile(key.name(), content);
    }

    public Key getKey() { return key; }
    public String getSha256() { return sha256; }
    public int size() { return content.length; }
}
