package pe.telco.orders.tmf;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.telco.orders.billing.Igv;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.evaluation.ChannelMessages;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Outcome;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderAddresses;
import pe.telco.orders.order.OrderEvent;
import pe.telco.orders.order.OrderItem;
import pe.telco.orders.order.OrderState;
import pe.telco.orders.tmf.ProductOrder.EntityRef;
import pe.telco.orders.tmf.ProductOrder.Milestone;
import pe.telco.orders.tmf.ProductOrder.OrderPrice;

/** Writes an order, its latest decision and its history as the TMF622 ProductOrder a channel may see. */
final class ProductOrderView {

    static final String BASE = "/tmf-api/productOrderingManagement/v5";
    static final String PRODUCT_ORDER = BASE + "/productOrder/";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the view is made of: the order, its latest decision's results (none yet: empty), history, plans. */
    record Parts(Order order, List<CheckResult> results, OffsetDateTime decidedAt, List<OrderEvent> events,
            OffsetDateTime expectedCompletion, BigDecimal igvRate) {
    }

    private ProductOrderView() {
    }

    static String href(long id) {
        return PRODUCT_ORDER + id;
    }

    static ProductOrder of(Parts parts) {
        Order order = parts.order();
        String id = String.valueOf(order.getId());
        List<ProductOrder.Item> items = order.getItems().stream().map(i -> item(order, i, parts.igvRate())).toList();
        var customer = order.getCustomer();
        String contact = customer.email() != null ? customer.email() : customer.phone();
        return new ProductOrder(id, href(order.getId()), "ProductOrder", order.getState().tmf(),
                customer.segment() == null ? null : customer.segment().toLowerCase(Locale.ROOT),
                "Pedido " + order.getOrderNumber(), OperatorTime.local(order.getCreatedAt()),
                parts.expectedCompletion(), completionDate(order), cancellationDate(order),
                contact, OperatorTime.local(order.getRequestedStartDate()),
                OperatorTime.local(order.getRequestedCompletionDate()),
                List.of(new ProductOrder.ExternalIdentifier("ExternalIdentifier", order.getExternalId(),
                        order.getChannel().name(), "ProductOrder")),
                List.of(new ProductOrder.RelatedChannel("RelatedChannel", "salesChannel",
                        new EntityRef("ChannelRef", order.getChannel().name(), order.getChannel().name(), null))),
                List.of(new ProductOrder.RelatedParty("RelatedPartyRefOrPartyRoleRef", "customer",
                        new EntityRef("PartyRef", customer.documentType() + ":" + customer.documentNumber(),
                                customer.name(), "BUSINESS".equals(customer.segment()) ? "Organization" : "Individual"))),
                order.getAcceptedTermsVersion() == null ? List.of() : List.of(new EntityRef("AgreementRef",
                        order.getAcceptedTermsVersion(), "Términos y condiciones " + order.getAcceptedTermsVersion(),
                        null)),
                List.of(new EntityRef("PaymentRef", order.getPaymentMethod().name(), order.getPaymentMethod().name(),
                        null)),
                items, totals(order, parts.igvRate()), reasons(order, parts.results(), parts.decidedAt()),
                milestones(parts.events()), notes(order));
    }

    private static List<ProductOrder.Note> notes(Order order) {
        return order.getNotes().stream().map(n -> new ProductOrder.Note("Note", String.valueOf(n.getPosition()),
                n.getAuthor(), OperatorTime.local(n.getNotedAt()), n.getText())).toList();
    }

    private static ProductOrder.Item item(Order order, OrderItem item, BigDecimal igvRate) {
        List<ProductOrder.Term> terms = new ArrayList<>();
        if (item.getInstallments() > 0) {
            terms.add(new ProductOrder.Term("OrderTerm", "instalments",
                    new ProductOrder.Duration(item.getInstallments(), "month")));
        }
        if (item.getContractMonths() > 0) {
            terms.add(new ProductOrder.Term("OrderTerm", "contract",
                    new ProductOrder.Duration(item.getContractMonths(), "month")));
        }
        BigDecimal unit = item.isDevice() ? item.getUnitPrice() : item.getMonthlyFee();
        List<OrderPrice> unitPrice = unit == null ? List.of() : List.of(price(item.isDevice(), unit, order.getCurrency(),
                igvRate));
        List<OrderPrice> totalPrice = unit == null ? List.of() : List.of(price(item.isDevice(),
                unit.multiply(BigDecimal.valueOf(item.getQuantity())), order.getCurrency(), igvRate));
        return new ProductOrder.Item("ProductOrderItem", item.itemId(), "add", item.getQuantity(),
                item.getState().tmf(), new EntityRef("ProductOfferingRef", item.getProductCode(), item.getProductName(),
                        null),
                new ProductOrder.Product("Product", item.getProductName(), places(order, item)), terms, unitPrice,
                totalPrice);
    }

    private static List<ProductOrder.RelatedPlace> places(Order order, OrderItem item) {
        OrderAddresses a = order.getAddresses();
        List<ProductOrder.RelatedPlace> places = new ArrayList<>();
        if (!item.isDevice() && a != null && a.servicePostalCode() != null) {
            places.add(address(ProductOrderRequests.INSTALLATION, a.serviceStreet(), a.serviceCity(),
                    a.servicePostalCode()));
        }
        if (item.isDevice() && order.getPickupStoreCode() != null) {
            places.add(new ProductOrder.RelatedPlace("RelatedPlaceRefOrValue", ProductOrderRequests.PICKUP,
                    new ProductOrder.Place("PlaceRef", order.getPickupStoreCode(), null, null, null, null)));
        } else if (item.isDevice() && a != null && a.deliveryPostalCode() != null) {
            places.add(address(ProductOrderRequests.DELIVERY, a.deliveryStreet(), a.deliveryCity(),
                    a.deliveryPostalCode()));
        }
        return places;
    }

    private static ProductOrder.RelatedPlace address(String role, String street, String city, String postcode) {
        return new ProductOrder.RelatedPlace("RelatedPlaceRefOrValue", role,
                new ProductOrder.Place("GeographicAddress", null, street, city, postcode, "PE"));
    }

    /** Devices are paid once (in instalments or not); services monthly. Prices include IGV, as the catalogue's. */
    private static OrderPrice price(boolean oneOff, BigDecimal amount, String currency, BigDecimal igvRate) {
        Igv igv = Igv.inside(amount, igvRate);
        return new OrderPrice("OrderPrice", oneOff ? "Precio del equipo" : "Cargo mensual",
                oneOff ? "oneTime" : "recurring", oneOff ? null : "month",
                new ProductOrder.Price("Price", new ProductOrder.Money(currency, igv.total()),
                        new ProductOrder.Money(currency, igv.base()), igvRate.multiply(HUNDRED).stripTrailingZeros()));
    }

    private static List<OrderPrice> totals(Order order, BigDecimal igvRate) {
        BigDecimal oneOff = BigDecimal.ZERO;
        BigDecimal monthly = BigDecimal.ZERO;
        for (OrderItem item : order.getItems()) {
            if (item.isDevice()) {
                oneOff = oneOff.add(item.lineTotal());
            } else if (item.getMonthlyFee() != null) {
                monthly = monthly.add(item.getMonthlyFee().multiply(BigDecimal.valueOf(item.getQuantity())));
            }
        }
        List<OrderPrice> totals = new ArrayList<>();
        if (oneOff.signum() > 0) {
            totals.add(price(true, oneOff, order.getCurrency(), igvRate));
        }
        if (monthly.signum() > 0) {
            totals.add(price(false, monthly, order.getCurrency(), igvRate));
        }
        return totals;
    }

    /** Every REVIEW and FAIL answer, in the words the business wrote for channels. */
    private static List<ProductOrder.ErrorMessage> reasons(Order order, List<CheckResult> results,
            OffsetDateTime decidedAt) {
        String orderId = String.valueOf(order.getId());
        return results.stream().filter(r -> r.getOutcome() != Outcome.PASS)
                .map(r -> new ProductOrder.ErrorMessage("ProductOrderErrorMessage", r.getCode(), r.getCheck().name(),
                        ChannelMessages.of(r), r.getOutcome().name(),
                        OperatorTime.local(decidedAt), r.getLine() == 0 ? List.of()
                                : List.of(new ProductOrder.ItemRef("ProductOrderItemRef", orderId,
                                        itemId(order, r.getLine())))))
                .toList();
    }

    /** How the channel refers to the item on {@code line}: its own id, or the line number. */
    private static String itemId(Order order, int line) {
        return order.getItems().stream().filter(i -> i.getLine() == line).findFirst().map(OrderItem::itemId)
                .orElse(String.valueOf(line));
    }

    /** The first time each step was reached; the history's causes are internal and stay out. */
    private static List<Milestone> milestones(List<OrderEvent> events) {
        Map<String, OffsetDateTime> reached = new LinkedHashMap<>();
        for (OrderEvent e : events) {
            String name = milestone(e);
            if (name != null) {
                reached.putIfAbsent(name, e.getAt());
                if (name.equals("evaluated") && OrderState.IN_PROGRESS.tmf().equals(e.getToState())) {
                    reached.putIfAbsent("released", e.getAt());
                }
                if (name.equals("approved")) {
                    reached.putIfAbsent("released", e.getAt());
                }
            }
        }
        List<Milestone> milestones = new ArrayList<>();
        reached.forEach((name, at) -> milestones.add(new Milestone("ProductOrderMilestone",
                String.valueOf(milestones.size() + 1), name, "Completed", OperatorTime.local(at), null)));
        return milestones;
    }

    private static String milestone(OrderEvent e) {
        String m = e.getMilestone();
        String cause = e.getCause() == null ? "" : e.getCause();
        return switch (m) {
            case "received", "evaluated", "approved", "declined", "cancelled", "invoiced", "paid" -> m;
            case "shipment-dispatch" -> "dispatched";
            case "shipment-delivery" -> "delivered";
            case "work-order-completion" -> cause.contains("ACTIVATION") ? "activated" : "installed";
            case "completed", "partial", "failed" -> m;
            default -> null;
        };
    }

    private static OffsetDateTime completionDate(Order order) {
        OrderState s = order.getState();
        if (s != OrderState.COMPLETED && s != OrderState.PARTIAL && s != OrderState.FAILED) {
            return null;
        }
        return OperatorTime.local(order.getUpdatedAt());
    }

    private static OffsetDateTime cancellationDate(Order order) {
        return order.getState() == OrderState.CANCELLED ? OperatorTime.local(order.getUpdatedAt()) : null;
    }
}
