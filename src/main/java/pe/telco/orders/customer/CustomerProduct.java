package pe.telco.orders.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A product the customer has now, at its service address, since a day. */
@Entity
@Table(name = "customer_product")
public class CustomerProduct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    @Column(name = "product_code")
    private String productCode;
    @Embedded
    private ServiceAddress address;
    private LocalDate since;

    protected CustomerProduct() {
    }

    CustomerProduct(Customer customer, String productCode, ServiceAddress address, LocalDate since) {
        this.customer = customer;
        this.productCode = productCode;
        this.address = address;
        this.since = since;
    }

    boolean isSame(String productCode, ServiceAddress address) {
        return this.productCode.equals(productCode) && this.address.equals(address);
    }

    public Long getId() {
        return id;
    }

    public String getProductCode() {
        return productCode;
    }

    public ServiceAddress getAddress() {
        return address;
    }

    public LocalDate getSince() {
        return since;
    }
}
