package pe.telco.orders.location;

/** A location as the API shows it. */
public record LocationResponse(String code, String name, LocationKind kind, String district) {

    public static LocationResponse from(Location location) {
        return new LocationResponse(location.getCode(), location.getName(), location.getKind(),
                location.getDistrict());
    }
}
