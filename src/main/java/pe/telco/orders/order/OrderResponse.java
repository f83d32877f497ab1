package pe.telco.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** An order as channels read it: the request's fields, the prices copied from the catalogue, and its state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(
        Long id,
        String orderNumber,
        String externalId,
        Channel channel,
        OrderState state,
        Customer customer,
        Address serviceAddress,
        Delivery delivery,
        PaymentMethod paymentMethod,
        String acceptedTermsVersion,
        String currency,
        List<Item> items,
        Totals totals,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The customer as identified on the order. */
    public record Customer(String documentType, String documentNumber, String name, String email, String phone,
            String segment) {
    }

    /** A street address. */
    public record Address(String street, String city, String postalCode) {
    }

    /** How devices reach the customer. */
    public record Delivery(DeliveryMethod method, Address address, String storeCode) {
    }

    /** One line with its copied prices and its own state. */
    public record Item(int line, String productCode, String productName, String kind, String category, int quantity,
            int installments, BigDecimal unitPrice, BigDecimal monthlyFee, int contractMonths, Integer downloadMbps,
            OrderState state) {
    }

    /** Devices (one-off, IGV included), of which financed, and monthly fees of the services. */
    public record Totals(BigDecimal devices, BigDecimal financed, BigDecimal monthly) {
    }

    public static OrderResponse from(Order order) {
        OrderAddresses a = order.getAddresses();
        Address service = a == null || a.servicePostalCode() == null ? null
                : new Address(a.serviceStreet(), a.serviceCity(), a.servicePostalCode());
        Address deliverTo = a == null || a.deliveryPostalCode() == null ? null
                : new Address(a.deliveryStreet(), a.deliveryCity(), a.deliveryPostalCode());
        Delivery delivery = order.getDeliveryMethod() == null ? null
                : new Delivery(order.getDeliveryMethod(), deliverTo, order.getPickupStoreCode());
        OrderCustomer c = order.getCustomer();
        List<Item> items = order.getItems().stream().map(i -> new Item(i.getLine(), i.getProductCode(),
                i.getProductName(), i.getKind(), i.getCategory(), i.getQuantity(), i.getInstallments(),
                i.getUnitPrice(), i.getMonthlyFee(), i.getContractMonths(), i.getDownloadMbps(), i.getState())).toList();
        return new OrderResponse(order.getId(), order.getOrderNumber(), order.getExternalId(), order.getChannel(),
                order.getState(),
                new Customer(c.documentType(), c.documentNumber(), c.name(), c.email(), c.phone(), c.segment()),
                service, delivery, order.getPaymentMethod(), order.getAcceptedTermsVersion(), order.getCurrency(),
                items, totals(order), OperatorTime.local(order.getCreatedAt()), OperatorTime.local(order.getUpdatedAt()));
    }

    private static Totals totals(Order order) {
        BigDecimal devices = BigDecimal.ZERO.setScale(2);
        BigDecimal financed = BigDecimal.ZERO.setScale(2);
        BigDecimal monthly = BigDecimal.ZERO.setScale(2);
        for (OrderItem item : order.getItems()) {
            if (item.isDevice()) {
                devices = devices.add(item.lineTotal());
                if (item.getInstallments() > 0) {
                    financed = financed.add(item.lineTotal());
                }
            } else if (item.getMonthlyFee() != null) {
                monthly = monthly.add(item.getMonthlyFee().multiply(BigDecimal.valueOf(item.getQuantity())));
            }
        }
        return new Totals(devices, financed, monthly);
    }
}
