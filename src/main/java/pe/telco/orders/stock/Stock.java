package pe.telco.orders.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.location.Location;

/** Units of one product at one location: on hand, reserved for released orders, and so available. */
@Entity
@Table(name = "stock")
@IdClass(Stock.Key.class)
public class Stock {

    @Id
    @Column(name = "location_code")
    private String locationCode;
    @Id
    @Column(name = "product_code")
    private String productCode;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_code", insertable = false, updatable = false)
    private Location location;
    @Column(name = "on_hand")
    private int onHand;
    private int reserved;
    @Version
    private long version;

    protected Stock() {
    }

    public Stock(Location location, String productCode) {
        this.location = location;
        this.locationCode = location.getCode();
        this.productCode = productCode;
    }

    /** Counts the units on hand; never below what released orders have reserved. */
    public void countOnHand(int quantity) {
        if (quantity < reserved) {
            throw conflict("Cannot set " + quantity + " on hand: " + reserved + " are reserved");
        }
        onHand = quantity;
    }

    /** Sets units aside for a released order. */
    public void reserve(int quantity) {
        if (quantity > available()) {
            throw conflict("Cannot reserve " + quantity + ": only " + available() + " available");
        }
        reserved += quantity;
    }

    /** Gives reserved units back (an order cancelled before dispatch). */
    public void release(int quantity) {
        if (quantity > reserved) {
            throw conflict("Cannot release " + quantity + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
    }

    public int available() {
        return onHand - reserved;
    }

    private StateConflict conflict(String message) {
        return new StateConflict(message + " of " + productCode + " at " + locationCode,
                "onHand " + onHand + ", reserved " + reserved + ", available " + available());
    }

    public String getLocationCode() {
        return locationCode;
    }

    public String getProductCode() {
        return productCode;
    }

    public Location getLocation() {
        return location;
    }

    public int getOnHand() {
        return onHand;
    }

    public int getReserved() {
        return reserved;
    }

    /** The primary key: location and product. */
    public static class Key implements Serializable {
        private String locationCode;
        private String productCode;

        protected Key() {
        }

        public Key(String locationCode, String productCode) {
            this.locationCode = locationCode;
            this.productCode = productCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(locationCode, k.locationCode)
                    && Objects.equals(productCode, k.productCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(locationCode, productCode);
        }
    }
}
