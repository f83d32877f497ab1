package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;
import java.util.Map;

/** Must a person approve this order before release (large or financed amounts, new customers, channel)? */
public class ApprovalQuestion extends Question {

    private final String segment;
    private final String channel;
    private final boolean newCustomer;
    private final BigDecimal financedTotal;
    private final BigDecimal orderTotal;
    private final int deviceCount;
    private final int maxInstallments;

    public ApprovalQuestion(OrderFacts order, CustomerFacts customer) {
        super(Check.FINANCIAL_APPROVAL, 0, null);
        this.segment = customer.getSegment();
        this.channel = order.getChannel();
        this.newCustomer = !customer.isExisting();
        this.financedTotal = order.getFinancedTotal();
        this.orderTotal = order.getOrderTotal();
        this.deviceCount = order.getDeviceCount();
        this.maxInstallments = order.getMaxInstallments();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("segment", segment, "channel", channel, "financedTotal", financedTotal,
                "orderTotal", orderTotal, "deviceCount", deviceCount, "installments", maxInstallments);
    }

    public String getSegment() { return segment; }
    public String getChannel() { return channel; }
    public boolean isNewCustomer() { return newCustomer; }
    public BigDecimal getFinancedTotal() { return financedTotal; }
    public BigDecimal getOrderTotal() { return orderTotal; }
    public int getDeviceCount() { return deviceCount; }
    public int getMaxInstallments() { return maxInstallments; }
}
