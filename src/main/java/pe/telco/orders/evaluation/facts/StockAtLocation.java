package pe.telco.orders.evaluation.facts;

/** Units of a product at a warehouse or store; available = on hand − reserved for released orders. */
public class StockAtLocation {

    private final String productCode;
    private final String locationCode;
    private final String locationKind;
    private final int onHand;
    private final int reserved;

    public StockAtLocation(String productCode, String locationCode, String locationKind, int onHand, int reserved) {
        this.productCode = productCode;
        this.locationCode = locationCode;
        this.locationKind = locationKind;
        this.onHand = onHand;
        this.reserved = reserved;
    }

    public int getAvailable() {
        return Math.max(0, onHand - reserved);
    }

    public boolean isWarehouse() {
        return "WAREHOUSE".equals(locationKind);
    }

    public String getProductCode() { return productCode; }
    public String getLocationCode() { return locationCode; }
    public String getLocationKind() { return locationKind; }
    public int getOnHand() { return onHand; }
    public int getReserved() { return reserved; }
}
