package pe.telco.orders.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One technology available at a postal code, with the best download speed it gives there. */
@Entity
@Table(name = "coverage")
@IdClass(Coverage.Key.class)
public class Coverage {

    /** Peruvian postal codes are five digits: {@code 15074}. */
    public static final String POSTAL_CODE_PATTERN = "\\d{5}";
    public static final String POSTAL_CODE_MESSAGE = "must be a Peruvian postal code of 5 digits";

    @Id
    @Column(name = "postal_code")
    private String postalCode;
    @Id
    @Enumerated(EnumType.STRING)
    private Technology technology;
    @Column(name = "max_download_mbps")
    private int maxDownloadMbps;

    protected Coverage() {
    }

    public Coverage(String postalCode, Technology technology, int maxDownloadMbps) {
        this.postalCode = postalCode;
        this.technology = technology;
        this.maxDownloadMbps = maxDownloadMbps;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public Technology getTechnology() {
        return technology;
    }

    public int getMaxDownloadMbps() {
        return maxDownloadMbps;
    }

    /** The primary key: postal code and technology. */
    public static class Key implements Serializable {
        private String postalCode;
        private Technology technology;

        protected Key() {
        }

        public Key(String postalCode, Technology technology) {
            this.postalCode = postalCode;
            this.technology = technology;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postalCode, k.postalCode) && technology == k.technology;
        }

        @Override
        public int hashCode() {
            return Objects.hash(postalCode, technology);
        }
    }
}
