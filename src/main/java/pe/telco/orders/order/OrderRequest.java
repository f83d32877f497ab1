package pe.telco.orders.order;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order as a channel sends it. Fields are read as text and checked all at once by {@link OrderDraftValidator},
 * so one answer lists every invalid field.
 */
@Schema(description = "An order from a channel")
public record OrderRequest(
        @Schema(description = "The channel's own reference, unique per channel", example = "WEB-000123") String externalId,
        @Schema(enumeration = {"STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP"}) String channel,
        Customer customer,
        Address serviceAddress,
        List<Item> items,
        @Schema(description = "Version of the terms and conditions the customer accepted", example = "2026-01")
        String acceptedTermsVersion,
        Delivery delivery,
        @Schema(enumeration = {"AUTOMATIC_DEBIT", "ONLINE", "IN_STORE"}) String paymentMethod) {

    /** Who orders; an existing customer is found by document, their profile comes from the service. */
    public record Customer(
            @Schema(enumeration = {"DNI", "CE", "RUC", "PASSPORT"}) String documentType,
            String documentNumber,
            String name,
            String email,
            String phone,
            @Schema(enumeration = {"RESIDENTIAL", "BUSINESS"}, defaultValue = "RESIDENTIAL") String segment) {
    }

    /** A street address with its 5-digit postal code. */
    public record Address(String street, String city, String postalCode) {
    }

    /** A product and how many; installments 0 or absent = paid in full. */
    public record Item(String productCode, Integer quantity, Integer installments) {
    }

    /** HOME_DELIVERY (to address, the service address when absent) or STORE_PICKUP (at storeCode). */
    public record Delivery(
            @Schema(enumeration = {"HOME_DELIVERY", "STORE_PICKUP"}) String method,
            Address address,
            String storeCode) {
    }
}
