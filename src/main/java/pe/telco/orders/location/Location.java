package pe.telco.orders.location;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A warehouse or store that holds stock. */
@Entity
@Table(name = "location")
public class Location {

    /** Upper-case letters, digits and dashes, 2 to 40 characters: {@code WH-LIMA-NORTE}. */
    public static final String CODE_PATTERN = "[A-Z0-9-]{2,40}";
    public static final String CODE_MESSAGE = "must be 2 to 40 upper-case letters, digits or dashes";

    @Id
    @Column(name = "location_code")
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private LocationKind kind;
    private String district;
    @Version
    private long version;

    protected Location() {
    }

    public Location(String code) {
        this.code = code;
    }

    public void describe(String name, LocationKind kind, String district) {
        this.name = name;
        this.kind = kind;
        this.district = district;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocationKind getKind() {
        return kind;
    }

    public String getDistrict() {
        return district;
    }
}
