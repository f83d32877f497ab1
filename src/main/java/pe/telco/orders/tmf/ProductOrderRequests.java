package pe.telco.orders.tmf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.Unprocessable;
import pe.telco.orders.order.OrderParticulars;
import pe.telco.orders.order.OrderRequest;
import pe.telco.orders.tmf.ProductOrderInput.Item;
import pe.telco.orders.tmf.ProductOrderInput.Place;
import pe.telco.orders.tmf.ProductOrderInput.RelatedParty;
import pe.telco.orders.tmf.ProductOrderInput.RelatedPlace;

/**
 * Reads a TMF622 product order as the intake's order request (the one validation path), and names the intake's field
 * errors by their TMF622 attributes, so a channel sees the attribute it sent.
 */
final class ProductOrderRequests {

    static final String INSTALLATION = "installationAddress";
    static final String DELIVERY = "deliveryAddress";
    static final String PICKUP = "pickupStore";

    private ProductOrderRequests() {
    }

    /**
     * The order request for the intake. Item actions other than {@code add} are refused first (422), with every such
     * item named; the rest is validated by the intake.
     */
    static OrderRequest toOrderRequest(ProductOrderInput in, String callerChannel) {
        if (in == null) {
            throw new InvalidInput("body", "a ProductOrder is required");
        }
        List<Item> items = in.productOrderItem() == null ? List.of() : in.productOrderItem();
        refuseUnsupportedActions(items);
        String channel = in.channel() == null ? null : in.channel().stream().filter(Objects::nonNull)
                .map(c -> c.channel() == null ? null : first(c.channel().id(), c.channel().name()))
                .filter(Objects::nonNull).findFirst().orElse(null);
        RelatedParty party = customer(in);
        String partyId = party == null || party.partyOrPartyRole() == null ? null : party.partyOrPartyRole().id();
        String documentType = null;
        String documentNumber = null;
        if (partyId != null && partyId.contains(":")) {
            documentType = partyId.substring(0, partyId.indexOf(':'));
            documentNumber = partyId.substring(partyId.indexOf(':') + 1);
        } else if (partyId != null) {
            documentNumber = partyId;
        }
        String contact = in.notificationContact();
        boolean email = contact != null && contact.contains("@");
        OrderRequest.Customer customer = party == null ? null : new OrderRequest.Customer(documentType,
                documentNumber, party.partyOrPartyRole() == null ? null : party.partyOrPartyRole().name(),
                email ? contact : null, email ? null : contact, segment(in.category()));
        Place installation = place(items, INSTALLATION);
        Place delivery = place(items, DELIVERY);
        Place pickup = place(items, PICKUP);
        OrderRequest.Delivery deliveryRequest = pickup != null ? new OrderRequest.Delivery("STORE_PICKUP", null,
                pickup.id()) : delivery != null ? new OrderRequest.Delivery("HOME_DELIVERY", address(delivery), null)
                : null;
        List<OrderRequest.Item> lines = items.stream().map(i -> i == null ? null
                : new OrderRequest.Item(i.productOffering() == null ? null : i.productOffering().id(), i.quantity(),
                        instalments(i))).toList();
        String externalId = in.externalId() == null ? null : in.externalId().stream().filter(Objects::nonNull)
                .map(ProductOrderInput.ExternalIdentifier::id).filter(Objects::nonNull).findFirst().orElse(null);
        String terms = in.agreement() == null ? null : in.agreement().stream().filter(Objects::nonNull)
                .map(ProductOrderInput.Ref::id).filter(Objects::nonNull).findFirst().orElse(null);
        String payment = in.payment() == null ? null : in.payment().stream().filter(Objects::nonNull)
                .map(p -> first(p.name(), p.id())).filter(Objects::nonNull).findFirst().orElse(null);
        return new OrderRequest(externalId, channel == null ? callerChannel : channel, customer,
                installation == null ? null : address(installation), lines.isEmpty() ? null : lines, terms,
                deliveryRequest, payment);
    }

    /** The channel's item ids (in its items' order), notes and wished dates, for the intake to validate and store. */
    static OrderParticulars particulars(ProductOrderInput in) {
        List<Item> items = in.productOrderItem() == null ? List.of() : in.productOrderItem();
        List<String> ids = new ArrayList<>(items.size());
        items.forEach(i -> ids.add(i == null ? null : i.id()));
        List<OrderParticulars.Note> notes = in.note() == null ? List.of() : in.note().stream()
                .map(n -> n == null ? null : new OrderParticulars.Note(n.author(), n.date(), n.text())).toList();
        return new OrderParticulars(ids, notes, in.requestedStartDate(), in.requestedCompletionDate());
    }

    /** The intake's refusal with every field named as the channel sent it. */
    static InvalidInput inTmfTerms(InvalidInput e, ProductOrderInput in) {
        int party = customerIndex(in);
        List<FieldError> renamed = e.errors().stream()
                .map(f -> new FieldError(tmfField(f.field(), party), f.message())).distinct().toList();
        return new InvalidInput(renamed);
    }

    private static void refuseUnsupportedActions(List<Item> items) {
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String action = item == null || item.action() == null ? "add" : item.action();
            if (!action.equals("add")) {
                refused.add(new FieldError("productOrderItem[" + i + "].action", "'" + action
                        + "' is not supported yet: only add (new products) can be ordered through this API"));
            }
        }
        if (!refused.isEmpty()) {
            throw new Unprocessable("unsupported-item-action", "Only items with action add can be ordered; "
                    + refused.size() + " item(s) ask for another action", refused);
        }
    }

    private static String tmfField(String field, int party) {
        String partyPath = "relatedParty[" + (party < 0 ? 0 : party) + "]";
        String[][] names = {
            {"externalId", "externalId[0].id"},
            {"channel", "channel[0].channel.id"},
            {"customer.documentType", partyPath + ".partyOrPartyRole.id"},
            {"customer.documentNumber", partyPath + ".partyOrPartyRole.id"},
            {"customer.name", partyPath + ".partyOrPartyRole.name"},
            {"customer.email", "notificationContact"},
            {"customer.phone", "notificationContact"},
            {"customer.segment", "category"},
            {"customer", "relatedParty"},
            {"serviceAddress.street", "productOrderItem.product.place[" + INSTALLATION + "].place.streetName"},
            {"serviceAddress.city", "productOrderItem.product.place[" + INSTALLATION + "].place.city"},
            {"serviceAddress.postalCode", "productOrderItem.product.place[" + INSTALLATION + "].place.postcode"},
            {"serviceAddress", "productOrderItem.product.place[" + INSTALLATION + "]"},
            {"delivery.address.street", "productOrderItem.product.place[" + DELIVERY + "].place.streetName"},
            {"delivery.address.city", "productOrderItem.product.place[" + DELIVERY + "].place.city"},
            {"delivery.address.postalCode", "productOrderItem.product.place[" + DELIVERY + "].place.postcode"},
            {"delivery.address", "productOrderItem.product.place[" + DELIVERY + "]"},
            {"delivery.storeCode", "productOrderItem.product.place[" + PICKUP + "].place.id"},
            {"delivery.method", "productOrderItem.product.place"},
            {"delivery", "productOrderItem.product.place[" + DELIVERY + " or " + PICKUP + "]"},
            {"acceptedTermsVersion", "agreement[0].id"},
            {"paymentMethod", "payment[0].name"},
        };
        for (String[] name : names) {
            if (field.equals(name[0])) {
                return name[1];
            }
        }
        if (field.startsWith("notes")) {
            return "note" + field.substring("notes".length());
        }
        if (field.startsWith("items")) {
            return "productOrderItem" + field.substring("items".length())
                    .replace(".productCode", ".productOffering.id")
                    .replace(".installments", ".itemTerm[instalments].duration.amount");
        }
        return field;
    }

    private static RelatedParty customer(ProductOrderInput in) {
        int index = customerIndex(in);
        return index < 0 ? null : in.relatedParty().get(index);
    }

    private static int customerIndex(ProductOrderInput in) {
        if (in == null || in.relatedParty() == null) {
            return -1;
        }
        for (int i = 0; i < in.relatedParty().size(); i++) {
            RelatedParty party = in.relatedParty().get(i);
            if (party != null && "customer".equalsIgnoreCase(party.role())) {
                return i;
            }
        }
        return -1;
    }

    private static String segment(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String word = category.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "residential" -> "RESIDENTIAL";
            case "business", "enterprise" -> "BUSINESS";
            default -> category;
        };
    }

    private static Place place(List<Item> items, String role) {
        return items.stream().filter(i -> i != null && i.product() != null && i.product().place() != null)
                .flatMap(i -> i.product().place().stream())
                .filter(p -> p != null && role.equals(p.role()) && p.place() != null)
                .map(RelatedPlace::place).findFirst().orElse(null);
    }

    private static OrderRequest.Address address(Place place) {
        String street = place.streetName() == null ? null
                : place.streetNr() == null ? place.streetName() : place.streetName() + " " + place.streetNr();
        return new OrderRequest.Address(street, place.city(), place.postcode());
    }

    private static Integer instalments(Item item) {
        if (item.itemTerm() == null) {
            return null;
        }
        return item.itemTerm().stream().filter(t -> t != null && t.name() != null && t.duration() != null
                        && t.name().toLowerCase(Locale.ROOT).startsWith("instal"))
                .map(t -> t.duration().amount()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
