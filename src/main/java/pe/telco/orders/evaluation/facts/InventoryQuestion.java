package pe.telco.orders.evaluation.facts;

import java.util.Map;

/** Is there stock for this device where it must come from (the pickup store, or any warehouse)? */
public class InventoryQuestion extends Question {

    private final int quantity;
    private final String deliveryMethod;
    private final String pickupStoreCode;
    private final String productName;

    public InventoryQuestion(ItemFacts item, OrderFacts order) {
        super(Check.INVENTORY, item.getLine(), item.getProductCode());
        this.quantity = item.getQuantity();
        this.deliveryMethod = order.getDeliveryMethod();
        this.pickupStoreCode = order.getPickupStoreCode();
        this.productName = item.getProductName();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("productCode", getProductCode(), "productName", productName, "quantity", quantity,
                "storeCode", pickupStoreCode);
    }

    public int getQuantity() { return quantity; }
    public String getDeliveryMethod() { return deliveryMethod; }
    public String getPickupStoreCode() { return pickupStoreCode; }
    public String getProductName() { return productName; }
}
