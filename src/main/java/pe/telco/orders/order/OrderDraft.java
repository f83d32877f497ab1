package pe.telco.orders.order;

import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.customer.Segment;

/** An order request that passed validation: enums parsed, products found, addresses settled. */
public record OrderDraft(
        String externalId,
        Channel channel,
        DocumentType documentType,
        String documentNumber,
        String customerName,
        String email,
        String phone,
        Segment segment,
        OrderAddresses addresses,
        DeliveryMethod deliveryMethod,
        String pickupStoreCode,
        PaymentMethod paymentMethod,
        String acceptedTermsVersion,
        String currency,
        List<Line> lines,
        List<Note> notes,
        OffsetDateTime requestedStartDate,
        OffsetDateTime requestedCompletionDate) {

    /**
     * One validated line: the catalogue product as it is now, how many, in how many instalments, and the channel's
     * own id of the item (null when it gave none).
     */
    public record Line(Product product, int quantity, int installments, String itemId) {
    }

    /** A validated note; without a date, it is dated when the order is stored. */
    public record Note(String author, OffsetDateTime date, String text) {
    }
}
