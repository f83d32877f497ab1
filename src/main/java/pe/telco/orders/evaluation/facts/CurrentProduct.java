package pe.telco.orders.evaluation.facts;

/** A product the customer already has, and whether it is at this order's service address. */
public class CurrentProduct {

    private final String productCode;
    private final String category;
    private final String postalCode;
    private final boolean atServiceAddress;

    public CurrentProduct(String productCode, String category, String postalCode, boolean atServiceAddress) {
        this.productCode = productCode;
        this.category = category;
        this.postalCode = postalCode;
        this.atServiceAddress = atServiceAddress;
    }

    public String getProductCode() { return productCode; }
    public String getCategory() { return category; }
    public String getPostalCode() { return postalCode; }
    public boolean isAtServiceAddress() { return atServiceAddress; }
}
