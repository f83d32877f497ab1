package pe.telco.orders.evaluation.facts;

import java.util.Map;

/** Does this new service fit with the products the customer already has (above all, at the same address)? */
public class CompatibilityQuestion extends Question {

    private final String category;
    private final String productName;
    private final String postalCode;

    public CompatibilityQuestion(ItemFacts item, OrderFacts order) {
        super(Check.COMPATIBILITY, item.getLine(), item.getProductCode());
        this.category = item.getCategory();
        this.productName = item.getProductName();
        this.postalCode = order.getPostalCode();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("productCode", getProductCode(), "productName", productName, "postalCode", postalCode);
    }

    /** For table cells that list categories: {@code inCategories("FIBER_INTERNET, HFC_INTERNET")}. */
    public boolean inCategories(String names) {
        return listed(names, category);
    }

    public String getCategory() { return category; }
    public String getProductName() { return productName; }
    public String getPostalCode() { return postalCode; }
}
