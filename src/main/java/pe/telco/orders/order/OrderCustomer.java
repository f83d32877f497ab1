package pe.telco.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The customer as the channel identified them on the order (the profile itself lives with the customer). */
@Embeddable
public record OrderCustomer(
        @Column(name = "customer_document_type") String documentType,
        @Column(name = "customer_document_number") String documentNumber,
        @Column(name = "customer_name") String name,
        @Column(name = "customer_email") String email,
        @Column(name = "customer_phone") String phone,
        @Column(name = "customer_segment") String segment) {
}
