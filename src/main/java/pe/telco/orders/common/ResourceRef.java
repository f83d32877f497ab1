package pe.telco.orders.common;

/**
 * Which resource a domain answer is about, by collection and id ({@code orders}, 42). Domain code names resources;
 * only {@link #path()} knows how the API lays them out, so no service or entity builds a URL by hand.
 */
public record ResourceRef(String collection, Object id) {

    public static ResourceRef of(String collection, Object id) {
        return new ResourceRef(collection, id);
    }

    /** The resource's path in the back-office API, e.g. {@code /api/orders/42}. */
    public String path() {
        return "/api/" + collection + "/" + id;
    }
}
