package pe.telco.orders.stock;

import pe.telco.orders.location.LocationKind;

/** One product at one location: on hand, reserved and available (on hand − reserved). */
public record StockLevelResponse(
        String locationCode,
        String locationName,
        LocationKind locationKind,
        String productCode,
        int onHand,
        int reserved,
        int available) {

    public static StockLevelResponse from(Stock stock) {
        return new StockLevelResponse(stock.getLocationCode(), stock.getLocation().getName(),
                stock.getLocation().getKind(), stock.getProductCode(), stock.getOnHand(), stock.getReserved(),
                stock.available());
    }
}
