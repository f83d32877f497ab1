package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;

/**
 * One released order item waiting for its fulfilment plan: which work it needs (SHIPMENT, INSTALLATION or
 * ACTIVATION), the lead time, the delivery window or appointment slot and any installation fee. Not a
 * {@link Question}: it is planned in a session of its own, after the order was decided, and never joins an
 * evaluation. The first row of {@code fulfilment.drl.xlsx} that matches plans it and deletes it (first hit).
 */
public class FulfilmentItem {

    private final int line;
    private final String productCode;
    private final String kind;
    private final String category;
    private final String deliveryMethod;
    private String work;
    private int leadDays;
    private int windowDays;
    private String slot;
    private BigDecimal installationFee = BigDecimal.ZERO;
    private String instructions;
    private String ruleId;

    public FulfilmentItem(int line, String productCode, String kind, String category, String deliveryMethod) {
        this.line = line;
        this.productCode = productCode;
        this.kind = kind;
        this.category = category;
        this.deliveryMethod = deliveryMethod == null ? "" : deliveryMethod;
    }

    /** True when the item's category is one of the comma-separated names of a table cell. */
    public boolean inCategories(String names) {
        for (String name : names.split(",")) {
            if (name.trim().equalsIgnoreCase(category)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPlanned() {
        return work != null;
    }

    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public String getDeliveryMethod() { return deliveryMethod; }
    public String getWork() { return work; }
    public int getLeadDays() { return leadDays; }
    public int getWindowDays() { return windowDays; }
    public String getSlot() { return slot; }
    public BigDecimal getInstallationFee() { return installationFee; }
    public String getInstructions() { return instructions; }
    public String getRuleId() { return ruleId; }

    public void setWork(String work) { this.work = work; }
    public void setLeadDays(int leadDays) { this.leadDays = leadDays; }
    public void setWindowDays(int windowDays) { this.windowDays = windowDays; }
    public void setSlot(String slot) { this.slot = slot; }
    public void setInstallationFee(BigDecimal fee) { this.installationFee = fee; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public void setRuleId(String ruleId) { this.ruleId = ruleId; }
}
