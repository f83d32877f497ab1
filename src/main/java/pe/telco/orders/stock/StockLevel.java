package pe.telco.orders.stock;

import pe.telco.orders.location.LocationKind;

/** Units of a product at a location as read for one decision: on hand and set aside for released orders. */
public record StockLevel(String productCode, String locationCode, LocationKind locationKind, int onHand,
        int reserved) {
}
