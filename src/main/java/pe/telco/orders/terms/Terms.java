package pe.telco.orders.terms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A published version of the terms and conditions, in effect from a day on. */
@Entity
@Table(name = "terms")
public class Terms {

    /** Letters, digits, dots and dashes, at most 20: {@code 2026-01}; "current" names the one in effect. */
    public static final String VERSION_PATTERN = "(?!current$)[A-Za-z0-9.-]{1,20}";
    public static final String VERSION_MESSAGE =
            "must be 1 to 20 letters, digits, dots or dashes, and not the word current";

    @Id
    private String version;
    @Column(name = "effective_from")
    private LocalDate effectiveFrom;
    private String url;

    protected Terms() {
    }

    public Terms(String version) {
        this.version = version;
    }

    public void publish(LocalDate effectiveFrom, String url) {
        this.effectiveFrom = effectiveFrom;
        this.url = url;
    }

    public String getVersion() {
        return version;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public String getUrl() {
        return url;
    }
}
