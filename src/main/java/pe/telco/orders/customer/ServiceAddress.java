package pe.telco.orders.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a service is installed: street, city and the 5-digit postal code coverage is keyed by. */
@Embeddable
public record ServiceAddress(
        @Column(name = "street") String street,
        @Column(name = "city") String city,
        @Column(name = "postal_code") String postalCode) {
}
