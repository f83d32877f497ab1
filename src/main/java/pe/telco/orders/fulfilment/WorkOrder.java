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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.DynamicUpdate;
import pe.telco.orders.common.Ids;
import pe.telco.orders.common.ResourceRef;

/** Work for the technical team on one service item: install it at the address or activate the line. */
@Entity
@DynamicUpdate // an update sends the columns that changed (often just the state), not the whole row
@Table(name = "work_order")
public class WorkOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_ids")
    @SequenceGenerator(name = "work_order_ids", sequenceName = "work_order_id_seq", allocationSize = Ids.BLOCK)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    @Column(name = "order_item_id")
    private Long orderItemId;
    @Column(name = "line_no")
    private int line;
    @Column(name = "product_code")
    private String productCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "work_type")
    private WorkType workType;
    @Enumerated(EnumType.STRING)
    private WorkOrderState state;
    @Column(name = "appointment_on")
    private LocalDate appointmentOn;
    private String slot;
    @Column(name = "installation_fee")
    private BigDecimal installationFee;
    private String instructions;
    @Column(name = "rule_id")
    private String ruleId;
    private String street;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    private String technician;
    @Column(name = "line_or_equipment_id")
    private String lineOrEquipmentId;
    private int attempts;
    @Column(name = "last_note")
    private String lastNote;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected WorkOrder() {
    }

    WorkOrder(Long orderId, Long orderItemId, int line, String productCode, WorkType workType,
            LocalDate appointmentOn, String slot, BigDecimal installationFee, String instructions, String ruleId,
            String street, String city, String postalCode, OffsetDateTime at) {
        this.orderId = orderId;
        this.orderItemId = orderItemId;
        this.line = line;
        this.productCode = productCode;
        this.workType = workType;
        this.state = WorkOrderState.SCHEDULED;
        this.appointmentOn = appointmentOn;
        this.slot = slot;
        this.installationFee = installationFee;
        this.instructions = instructions;
        this.ruleId = ruleId;
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Applies an event through the work order state machine; returns the state it left. */
    WorkOrderState apply(String action, OffsetDateTime at) {
        WorkOrderState from = state;
        state = WorkOrderState.MACHINE.next(state, action, "Work order " + id, ref());
        if (state == WorkOrderState.IN_PROGRESS) {
            attempts++;
        }
        updatedAt = at;
        return from;
    }

    void completedBy(String technician, String lineOrEquipmentId) {
        this.technician = technician;
        this.lineOrEquipmentId = lineOrEquipmentId;
    }

    void appointment(LocalDate on, String slot) {
        this.appointmentOn = on;
        if (slot != null) {
            this.slot = slot;
        }
    }

    void note(String note) {
        this.lastNote = note;
    }

    public ResourceRef ref() {
        return ResourceRef.of("work-orders", id);
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getOrderItemId() { return orderItemId; }
    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public WorkType getWorkType() { return workType; }
    public WorkOrderState getState() { return state; }
    public LocalDate getAppointmentOn() { return appointmentOn; }
    public String getSlot() { return slot; }
    public BigDecimal getInstallationFee() { return installationFee; }
    public String getInstructions() { return instructions; }
    public String getRuleId() { return ruleId; }
    public String getStreet() { return street; }
    public String getCity() { return city; }
    public String getPostalCode() { return postalCode; }
    public String getTechnician() { return technician; }
    public String getLineOrEquipmentId() { return lineOrEquipmentId; }
    public int getAttempts() { return attempts; }
    public String getLastNote() { return lastNote; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
