package pe.telco.orders.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;

/** An order from a channel: who, where, what (prices copied from the catalogue) and its TMF622 state. */
@Entity
@DynamicUpdate // an update sends the columns that changed (often just the state), not the whole row
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "external_id")
    private String externalId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "customer_id")
    private Long customerId;
    @Embedded
    private OrderCustomer customer;
    @Embedded
    private OrderAddresses addresses;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    private DeliveryMethod deliveryMethod;
    @Column(name = "pickup_store_code")
    private String pickupStoreCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;
    @Column(name = "accepted_terms_version")
    private String acceptedTermsVersion;
    private String currency;
    @Enumerated(EnumType.STRING)
    private OrderState state;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "requested_start_date")
    private OffsetDateTime requestedStartDate;
    @Column(name = "requested_completion_date")
    private OffsetDateTime requestedCompletionDate;
    @Version
    private long version;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("line")
    private List<OrderItem> items = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderNote> notes = new ArrayList<>();
    /**
     * The history entries recorded on this instance since it was created, while it is new (made by this transaction,
     * which records every entry of it through this instance); null for an order loaded from the table.
     */
    @Transient
    private List<OrderEvent> historyWhileNew;

    protected Order() {
    }

    Order(String orderNumber, String externalId, Channel channel, Long customerId, OrderCustomer customer,
            OrderAddresses addresses, DeliveryMethod deliveryMethod, String pickupStoreCode,
            PaymentMethod paymentMethod, String acceptedTermsVersion, String currency, OffsetDateTime createdAt) {
        this.historyWhileNew = new ArrayList<>();
        this.orderNumber = orderNumber;
        this.externalId = externalId;
        this.channel = channel;
        this.customerId = customerId;
        this.customer = customer;
        this.addresses = addresses;
        this.deliveryMethod = deliveryMethod;
        this.pickupStoreCode = pickupStoreCode;
        this.paymentMethod = paymentMethod;
        this.acceptedTermsVersion = acceptedTermsVersion;
        this.currency = currency;
        this.state = OrderState.ACKNOWLEDGED;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** A channel's draft: stored, not submitted, so nothing decides it yet. */
    void startAsDraft() {
        state = OrderState.DRAFT;
    }

    /**
     * Replaces who orders what, where and how with a revised request, keeping the order's identity (number,
     * channel, externalId) and history. Only a draft or a held order may be revised: checked by the caller.
     */
    void revise(Long customerId, OrderCustomer customer, OrderAddresses addresses, DeliveryMethod deliveryMethod,
            String pickupStoreCode, PaymentMethod paymentMethod, String acceptedTermsVersion, String currency,
            OffsetDateTime at) {
        this.customerId = customerId;
        this.customer = customer;
        this.addresses = addresses;
        this.deliveryMethod = deliveryMethod;
        this.pickupStoreCode = pickupStoreCode;
        this.paymentMethod = paymentMethod;
        this.acceptedTermsVersion = acceptedTermsVersion;
        this.currency = currency;
        this.updatedAt = at;
    }

    /** Removes every line, before the revised ones are added (lines are numbered from 1 again). */
    void clearItems() {
        items.clear();
    }

    void addItem(Product product, int quantity, int installments, String channelItemId) {
        items.add(new OrderItem(this, items.size() + 1, product, quantity, installments, channelItemId));
    }

    /** Replaces the channel's notes and the dates it asked for (on receipt, and when a revision brings new ones). */
    void setWishes(List<OrderDraft.Note> wished, OffsetDateTime start, OffsetDateTime completion, OffsetDateTime at) {
        notes.clear();
        wished.forEach(n -> notes.add(new OrderNote(this, notes.size() + 1, n.author(),
                n.date() != null ? n.date() : at, n.text())));
        requestedStartDate = start;
        requestedCompletionDate = completion;
    }

    /**
     * Moves the order (and its open items, those still in the order's state) to {@code next}; refuses a transition
     * the state machine does not allow. Items already settled on their own (completed, failed) keep their state.
     */
    public void moveTo(OrderState next, OffsetDateTime at) {
        if (!state.canMoveTo(next)) {
            throw new StateConflict("Order " + orderNumber + " is " + state.tmf() + " and cannot become "
                    + next.tmf(), state.tmf());
        }
        OrderState previous = state;
        state = next;
        updatedAt = at;
        items.stream().filter(item -> item.getState() == previous).forEach(item -> item.moveTo(next));
    }

    /** Settles one item of an order in progress: its fulfilment completed it or failed it for good. */
    public void settleItem(long itemId, OrderState outcome, OffsetDateTime at) {
        OrderItem item = items.stream().filter(i -> i.getId() == itemId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Item " + itemId + " is not in " + orderNumber));
        if (state != OrderState.IN_PROGRESS || item.getState() != OrderState.IN_PROGRESS
                || (outcome != OrderState.COMPLETED && outcome != OrderState.FAILED)) {
            throw new StateConflict("Item " + item.getLine() + " of order " + orderNumber + " is "
                    + item.getState().tmf() + " and cannot become " + outcome.tmf(), state.tmf());
        }
        item.moveTo(outcome);
        updatedAt = at;
    }

    /** Where every item has settled: completed when all completed, failed when none did, else partial. */
    public OrderState settledState() {
        if (items.stream().anyMatch(i -> i.getState() == OrderState.IN_PROGRESS)) {
            return null;
        }
        long completed = items.stream().filter(i -> i.getState() == OrderState.COMPLETED).count();
        return completed == items.size() ? OrderState.COMPLETED
                : completed == 0 ? OrderState.FAILED : OrderState.PARTIAL;
    }

    public ResourceRef ref() {
        return ResourceRef.of("orders", id);
    }

    public Long getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getExternalId() { return externalId; }
    public Channel getChannel() { return channel; }
    public Long getCustomerId() { return customerId; }
    public OrderCustomer getCustomer() { return customer; }
    public OrderAddresses getAddresses() { return addresses; }
    public DeliveryMethod getDeliveryMethod() { return deliveryMethod; }
    public String getPickupStoreCode() { return pickupStoreCode; }
    public PaymentMethod getPaymentMethod() { return paymentMethod; }
    public String getAcceptedTermsVersion() { return acceptedTermsVersion; }
    public String getCurrency() { return currency; }
    public OrderState getState() { return state; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<OrderItem> getItems() { return Collections.unmodifiableList(items); }
    public List<OrderNote> getNotes() { return Collections.unmodifiableList(notes); }
    public OffsetDateTime getRequestedStartDate() { return requestedStartDate; }
    public OffsetDateTime getRequestedCompletionDate() { return requestedCompletionDate; }

    /** Keeps a history entry of an order new in this transaction (no-op for a loaded order). */
    void recorded(OrderEvent entry) {
        if (historyWhileNew != null) {
            historyWhileNew.add(entry);
        }
    }

    /** The whole history of an order new in this transaction, oldest first; null for a loaded order. */
    List<OrderEvent> historyWhileNew() {
        return historyWhileNew == null ? null : List.copyOf(historyWhileNew);
    }
}
