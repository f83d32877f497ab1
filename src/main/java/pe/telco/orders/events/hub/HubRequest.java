package pe.telco.orders.events.hub;

/** The body of {@code POST /hub}: where to call and, optionally, which events ({@code eventType=...&state=...}). */
public record HubRequest(String callback, String query) {
}
