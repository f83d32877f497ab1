package pe.telco.orders.fulfilment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.DynamicUpdate;
import pe.telco.orders.common.Ids;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.order.DeliveryMethod;

/** Units of one order item going from a warehouse to the customer's door, or waiting at the pickup store. */
@Entity
@DynamicUpdate // an update sends the columns that changed (often just the state), not the whole row
@Table(name = "shipment")
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_ids")
    @SequenceGenerator(name = "shipment_ids", sequenceName = "shipment_id_seq", allocationSize = Ids.BLOCK)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    @Column(name = "order_item_id")
    private Long orderItemId;
    @Column(name = "line_no")
    private int line;
    @Column(name = "product_code")
    private String productCode;
    private int quantity;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    private DeliveryMethod deliveryMethod;
    @Column(name = "location_code")
    private String locationCode;
    private String street;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    @Enumerated(EnumType.STRING)
    private ShipmentState state;
    @Column(name = "ready_on")
    private LocalDate readyOn;
    @Column(name = "window_from")
    private LocalDate windowFrom;
    @Column(name = "window_to")
    private LocalDate windowTo;
    private String slot;
    private String instructions;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "delivery_attempts")
    private int deliveryAttempts;
    @Column(name = "recipient_name")
    private String recipientName;
    @Column(name = "signature_reference")
    private String signatureReference;
    @Column(name = "last_note")
    private String lastNote;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected Shipment() {
    }

    Shipment(Long orderId, Long orderItemId, int line, String productCode, int quantity, DeliveryMethod method,
            String locationCode, String street, String city, String postalCode, LocalDate readyOn,
            LocalDate windowFrom, LocalDate windowTo, String slot, String instructions, String ruleId,
            OffsetDateTime at) {
        this.orderId = orderId;
        this.orderItemId = orderItemId;
        this.line = line;
        this.productCode = productCode;
        this.quantity = quantity;
        this.deliveryMethod = method;
        this.locationCode = locationCode;
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
        this.state = ShipmentState.PREPARED;
        this.readyOn = readyOn;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.slot = slot;
        this.instructions = instructions;
        this.ruleId = ruleId;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Applies an event through the shipment state machine; returns the state it left. */
    ShipmentState apply(String action, OffsetDateTime at) {
        ShipmentState from = state;
        state = ShipmentState.MACHINE.next(state, action, "Shipment " + id, ref());
        if (state == ShipmentState.DISPATCHED) {
            deliveryAttempts++;
        }
        updatedAt = at;
        return from;
    }

    void signedBy(String recipientName, String signatureReference) {
        this.recipientName = recipientName;
        this.signatureReference = signatureReference;
    }

    void note(String note) {
        this.lastNote = note;
    }

    public ResourceRef ref() {
        return ResourceRef.of("shipments", id);
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getOrderItemId() { return orderItemId; }
    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public int getQuantity() { return quantity; }
    public DeliveryMethod getDeliveryMethod() { return deliveryMethod; }
    public String getLocationCode() { return locationCode; }
    public String getStreet() { return street; }
    public String getCity() { return city; }
    public String getPostalCode() { return postalCode; }
    public ShipmentState getState() { return state; }
    public LocalDate getReadyOn() { return readyOn; }
    public LocalDate getWindowFrom() { return windowFrom; }
    public LocalDate getWindowTo() { return windowTo; }
    public String getSlot() { return slot; }
    public String getInstructions() { return instructions; }
    public String getRuleId() { return ruleId; }
    public int getDeliveryAttempts() { return deliveryAttempts; }
    public String getRecipientName() { return recipientName; }
    public String getSignatureReference() { return signatureReference; }
    public String getLastNote() { return lastNote; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
