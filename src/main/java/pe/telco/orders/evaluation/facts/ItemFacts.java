package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;

/** One line of the order with the catalogue data copied onto it. Line numbers start at 1. */
public class ItemFacts {

    private final int line;
    private final String productCode;
    private final String productName;
    private final String kind;
    private final String category;
    private final int quantity;
    private final int installments;
    private final BigDecimal unitPrice;
    private final BigDecimal monthlyFee;
    private final int downloadMbps;
    private final int contractMonths;
    private final boolean financeable;
    private final int productMaxInstallments;

    public ItemFacts(int line, String productCode, String productName, String kind, String category, int quantity,
            int installments, BigDecimal unitPrice, BigDecimal monthlyFee, int downloadMbps, int contractMonths,
            boolean financeable, int productMaxInstallments) {
        this.line = line;
        this.productCode = productCode;
        this.productName = productName;
        this.kind = kind;
        this.category = category;
        this.quantity = quantity;
        this.installments = installments;
        this.unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
        this.monthlyFee = monthlyFee == null ? BigDecimal.ZERO : monthlyFee;
        this.downloadMbps = downloadMbps;
        this.contractMonths = contractMonths;
        this.financeable = financeable;
        this.productMaxInstallments = productMaxInstallments;
    }

    public boolean isDevice() {
        return "DEVICE".equals(kind);
    }

    public boolean isService() {
        return "SERVICE".equals(kind);
    }

    public boolean isFinanced() {
        return installments > 0;
    }

    public BigDecimal getLineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public BigDecimal getFinancedAmount() {
        return isFinanced() ? getLineTotal() : BigDecimal.ZERO;
    }

    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public String getProductName() { return productName; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public int getQuantity() { return quantity; }
    public int getInstallments() { return installments; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getMonthlyFee() { return monthlyFee; }
    public int getDownloadMbps() { return downloadMbps; }
    public int getContractMonths() { return contractMonths; }
    public boolean isFinanceable() { return financeable; }
    public int getProductMaxInstallments() { return productMaxInstallments; }
}
