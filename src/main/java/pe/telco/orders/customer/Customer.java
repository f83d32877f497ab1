package pe.telco.orders.customer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A customer known by identity document, with the credit profile and current products the checks read. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    private DocumentType documentType;
    @Column(name = "document_number")
    private String documentNumber;
    private String name;
    private String email;
    private String phone;
    @Enumerated(EnumType.STRING)
    private Segment segment;
    @Column(name = "customer_since")
    private LocalDate customerSince;
    @Column(name = "credit_score")
    private Integer creditScore;
    @Column(name = "overdue_debt")
    private BigDecimal overdueDebt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CustomerProduct> products = new ArrayList<>();

    protected Customer() {
    }

    /** A new customer: no credit score yet, no overdue debt, customer since the day it was created. */
    public Customer(DocumentType documentType, String documentNumber, OffsetDateTime createdAt) {
        this.documentType = documentType;
        this.documentNumber = documentNumber;
        this.createdAt = createdAt;
        this.customerSince = createdAt.toLocalDate();
        this.overdueDebt = BigDecimal.ZERO.setScale(2);
    }

    public void contact(String name, String email, String phone, Segment segment) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.segment = segment;
    }

    /** Replaces what the credit checks read; the debt is kept to two decimals (PEN). */
    public void creditProfile(LocalDate customerSince, Integer creditScore, BigDecimal overdueDebt) {
        this.customerSince = customerSince;
        this.creditScore = creditScore;
        this.overdueDebt = overdueDebt.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Adds a product the customer now has at an address. */
    public CustomerProduct addProduct(String productCode, ServiceAddress address, LocalDate since) {
        CustomerProduct product = new CustomerProduct(this, productCode, address, since);
        products.add(product);
        return product;
    }

    /** The day the customer has had this product at this address since, if they have it now. */
    LocalDate sinceOf(String productCode, ServiceAddress address) {
        return products.stream().filter(p -> p.isSame(productCode, address))
                .map(CustomerProduct::getSince).findFirst().orElse(null);
    }

    public void removeAllProducts() {
        products.clear();
    }

    public Long getId() {
        return id;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Segment getSegment() {
        return segment;
    }

    public LocalDate getCustomerSince() {
        return customerSince;
    }

    /** 0..1000, or null when the customer has no score yet. */
    public Integer getCreditScore() {
        return creditScore;
    }

    public BigDecimal getOverdueDebt() {
        return overdueDebt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public List<CustomerProduct> getProducts() {
        return Collections.unmodifiableList(products);
    }
}
