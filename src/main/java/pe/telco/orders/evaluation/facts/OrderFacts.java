package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The order as the rules see it, with the totals they decide on and the evaluation time (rules never read a clock). */
public class OrderFacts {

    private final String orderNumber;
    private final String channel;
    private final String deliveryMethod;
    private final String pickupStoreCode;
    private final String postalCode;
    private final String acceptedTermsVersion;
    private final String currentTermsVersion;
    private final String currency;
    private final BigDecimal devicesTotal;
    private final BigDecimal financedTotal;
    private final BigDecimal monthlyTotal;
    private final int maxInstallments;
    private final int serviceCount;
    private final int deviceCount;
    private final OffsetDateTime evaluatedAt;

    public OrderFacts(String orderNumber, String channel, String deliveryMethod, String pickupStoreCode,
            String postalCode, String acceptedTermsVersion, String currentTermsVersion, String currency,
            BigDecimal devicesTotal, BigDecimal financedTotal, BigDecimal monthlyTotal, int maxInstallments,
            int serviceCount, int deviceCount, OffsetDateTime evaluatedAt) {
        this.orderNumber = orderNumber;
        this.channel = channel;
        this.deliveryMethod = deliveryMethod;
        this.pickupStoreCode = pickupStoreCode == null ? "" : pickupStoreCode;
        this.postalCode = postalCode == null ? "" : postalCode;
        this.acceptedTermsVersion = acceptedTermsVersion == null ? "" : acceptedTermsVersion;
        this.currentTermsVersion = currentTermsVersion == null ? "" : currentTermsVersion;
        this.currency = currency;
        this.devicesTotal = devicesTotal;
        this.financedTotal = financedTotal;
        this.monthlyTotal = monthlyTotal;
        this.maxInstallments = maxInstallments;
        this.serviceCount = serviceCount;
        this.deviceCount = deviceCount;
        this.evaluatedAt = evaluatedAt;
    }

    /** CURRENT, OUTDATED (another version), NOT_ACCEPTED (none given) or NONE_PUBLISHED (nothing in effect). */
    public String getTermsStatus() {
        if (currentTermsVersion.isEmpty()) {
            return "NONE_PUBLISHED";
        }
        if (acceptedTermsVersion.isEmpty()) {
            return "NOT_ACCEPTED";
        }
        return acceptedTermsVersion.equals(currentTermsVersion) ? "CURRENT" : "OUTDATED";
    }

    public boolean isFinanced() {
        return financedTotal.signum() > 0;
    }

    public BigDecimal getOrderTotal() {
        return devicesTotal.add(monthlyTotal);
    }

    public LocalDate getEvaluationDate() {
        return evaluatedAt.toLocalDate();
    }

    public String getOrderNumber() { return orderNumber; }
    public String getChannel() { return channel; }
    public String getDeliveryMethod() { return deliveryMethod; }
    public String getPickupStoreCode() { return pickupStoreCode; }
    public String getPostalCode() { return postalCode; }
    public String getAcceptedTermsVersion() { return acceptedTermsVersion; }
    public String getCurrentTermsVersion() { return currentTermsVersion; }
    public String getCurrency() { return currency; }
    public BigDecimal getDevicesTotal() { return devicesTotal; }
    public BigDecimal getFinancedTotal() { return financedTotal; }
    public BigDecimal getMonthlyTotal() { return monthlyTotal; }
    public int getMaxInstallments() { return maxInstallments; }
    public int getServiceCount() { return serviceCount; }
    public int getDeviceCount() { return deviceCount; }
    public OffsetDateTime getEvaluatedAt() { return evaluatedAt; }
}
