package pe.telco.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.DynamicUpdate;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.common.Ids;

/** One line of an order, with the catalogue data and prices copied at the time of the order. */
@Entity
@DynamicUpdate // an update sends the columns that changed (often just the state), not the whole row
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_item_ids")
    @SequenceGenerator(name = "order_item_ids", sequenceName = "order_item_id_seq", allocationSize = Ids.BLOCK)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;
    @Column(name = "line_no")
    private int line;
    @Column(name = "product_code")
    private String productCode;
    @Column(name = "product_name")
    private String productName;
    private String kind;
    private String category;
    private int quantity;
    private int installments;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(name = "monthly_fee")
    private BigDecimal monthlyFee;
    @Column(name = "contract_months")
    private int contractMonths;
    @Column(name = "download_mbps")
    private Integer downloadMbps;
    private boolean financeable;
    @Column(name = "max_installments")
    private int maxInstallments;
    @Enumerated(EnumType.STRING)
    private OrderState state;
    @Column(name = "channel_item_id")
    private String channelItemId;

    protected OrderItem() {
    }

    OrderItem(Order order, int line, Product product, int quantity, int installments, String channelItemId) {
        this.order = order;
        this.line = line;
        this.productCode = product.getCode();
        this.productName = product.getName();
        this.kind = product.getKind().name();
        this.category = product.getCategory().name();
        this.quantity = quantity;
        this.installments = installments;
        this.unitPrice = product.getPrice();
        this.monthlyFee = product.getMonthlyFee();
        this.contractMonths = product.getContractMonths();
        this.downloadMbps = product.getDownloadMbps();
        this.financeable = product.isFinanceable();
        this.maxInstallments = product.getMaxInstallments();
        this.state = OrderState.ACKNOWLEDGED;
        this.channelItemId = channelItemId;
    }

    void moveTo(OrderState next) {
        this.state = next;
    }

    public boolean isDevice() {
        return "DEVICE".equals(kind);
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public Long getId() { return id; }
    public Order getOrder() { return order; }
    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public String getProductName() { return productName; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public int getQuantity() { return quantity; }
    public int getInstallments() { return installments; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getMonthlyFee() { return monthlyFee; }
    public int getContractMonths() { return contractMonths; }
    public Integer getDownloadMbps() { return downloadMbps; }
    public boolean isFinanceable() { return financeable; }
    public int getMaxInstallments() { return maxInstallments; }
    public OrderState getState() { return state; }

    /** The id the channel gave this item; null for an item it gave none (every back-office order). */
    public String getChannelItemId() { return channelItemId; }

    /** How the channel refers to this item: its own id, or the line number when it gave none. */
    public String itemId() {
        return channelItemId != null ? channelItemId : String.valueOf(line);
    }
}
