package pe.telco.orders.order;

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
        List<Line> lines) {

    /** One validated line: the catalogue product as it is now, how many, and in how many instalments. */
    public record Line(Product product, int quantity, int installments) {
    }
}
