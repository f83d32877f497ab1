package pe.telco.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where services are installed, and where devices are delivered (the service address when not given). */
@Embeddable
public record OrderAddresses(
        @Column(name = "service_street") String serviceStreet,
        @Column(name = "service_city") String serviceCity,
        @Column(name = "service_postal_code") String servicePostalCode,
        @Column(name = "delivery_street") String deliveryStreet,
        @Column(name = "delivery_city") String deliveryCity,
        @Column(name = "delivery_postal_code") String deliveryPostalCode) {

    public boolean hasServiceAddress() {
        return servicePostalCode != null;
    }
}
