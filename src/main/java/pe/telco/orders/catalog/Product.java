package pe.telco.orders.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A catalogue product: a device or a service, priced to consumers with IGV included. */
@Entity
@Table(name = "product")
public class Product {

    /** Upper-case letters, digits and dashes, 2 to 40 characters: {@code FIBER-300}. */
    public static final String CODE_PATTERN = "[A-Z0-9-]{2,40}";
    public static final String CODE_MESSAGE = "must be 2 to 40 upper-case letters, digits or dashes";

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProductKind kind;
    @Enumerated(EnumType.STRING)
    private ProductCategory category;
    private BigDecimal price;
    @Column(name = "monthly_fee")
    private BigDecimal monthlyFee;
    private String currency;
    private boolean financeable;
    @Column(name = "max_installments")
    private int maxInstallments;
    @Column(name = "contract_months")
    private int contractMonths;
    @Column(name = "download_mbps")
    private Integer downloadMbps;
    @Version
    private long version;

    protected Product() {
    }

    public Product(String code) {
        this.code = code;
    }

    /** Replaces what the product is; kind and category are checked together by the caller. */
    public void describe(String name, ProductKind kind, ProductCategory category, Integer downloadMbps) {
        this.name = name;
        this.kind = kind;
        this.category = category;
        this.downloadMbps = downloadMbps;
    }

    /** Replaces the prices, kept to two decimals. */
    public void price(BigDecimal price, BigDecimal monthlyFee, String currency) {
        this.price = money(price);
        this.monthlyFee = monthlyFee == null ? null : money(monthlyFee);
        this.currency = currency;
    }

    /** Replaces the commercial terms: instalments allowed and minimum contract. */
    public void terms(boolean financeable, int maxInstallments, int contractMonths) {
        this.financeable = financeable;
        this.maxInstallments = maxInstallments;
        this.contractMonths = contractMonths;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public ProductKind getKind() {
        return kind;
    }

    public ProductCategory getCategory() {
        return category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public BigDecimal getMonthlyFee() {
        return monthlyFee;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isFinanceable() {
        return financeable;
    }

    public int getMaxInstallments() {
        return maxInstallments;
    }

    public int getContractMonths() {
        return contractMonths;
    }

    public Integer getDownloadMbps() {
        return downloadMbps;
    }
}
