package pe.telco.orders.tmf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderRequest;

/**
 * A JSON merge patch (RFC 7396) of a draft or held product order: which attributes a channel may change, the
 * merged TMF622 form read as a new request, and whether the patch submits a draft.
 */
final class ProductOrderPatch {

    /** What a channel may change; the order's identity (id, externalId, channel) and what the service sets may not. */
    static final Set<String> CHANGEABLE = Set.of("@type", "relatedParty", "productOrderItem", "agreement", "payment",
            "category", "notificationContact", "state", "note", "requestedStartDate", "requestedCompletionDate");

    private ProductOrderPatch() {
    }

    /** The order's current form with the patch merged in, read as a product order; refuses what may not change. */
    static ProductOrderInput apply(JsonNode current, JsonNode patch, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInput("body", "must be a JSON object: a merge patch of the ProductOrder");
        }
        List<FieldError> errors = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!CHANGEABLE.contains(name)) {
                errors.add(new FieldError(name, "cannot be changed; changeable: " + CHANGEABLE.stream().sorted()
                        .toList()));
            }
        });
        JsonNode state = patch.get("state");
        if (state != null && !"acknowledged".equals(state.asText(null))) {
            errors.add(new FieldError("state", "can only be set to acknowledged, to submit a draft"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        try {
            return json.treeToValue(merge(current, patch), ProductOrderInput.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "does not read as a ProductOrder once merged: " + e.getOriginalMessage());
        }
    }

    /** Whether the patch submits a draft for its decision. */
    static boolean submits(JsonNode patch) {
        return "acknowledged".equals(patch.path("state").asText(null));
    }

    /**
     * The customer's e-mail and phone stay as received unless the patch sets {@code notificationContact}: the TMF622
     * form shows only one of them, and a revision must not lose the other.
     */
    static OrderRequest keepContact(OrderRequest request, JsonNode patch, Order order) {
        if (patch.has("notificationContact") || request.customer() == null) {
            return request;
        }
        OrderRequest.Customer c = request.customer();
        return new OrderRequest(request.externalId(), request.channel(), new OrderRequest.Customer(c.documentType(),
                c.documentNumber(), c.name(), order.getCustomer().email(), order.getCustomer().phone(), c.segment()),
                request.serviceAddress(), request.items(), request.acceptedTermsVersion(), request.delivery(),
                request.paymentMethod());
    }

    /** RFC 7396: objects merge member by member, null removes, anything else (arrays too) replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        });
        return result;
    }
}
