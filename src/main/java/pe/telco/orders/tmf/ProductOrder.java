package pe.telco.orders.tmf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A TMF622 v5 {@code ProductOrder} as a channel reads it: state, items with prices, the decision's reasons as
 * {@code productOrderErrorMessage} (reason code, the channel's message, the items concerned) and the milestones
 * reached. It never carries credit figures, rule sources, facts or firings.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ProductOrder", description = "TMF622 v5 ProductOrder")
public record ProductOrder(
        String id,
        String href,
        @JsonProperty("@type") String type,
        String state,
        String category,
        String description,
        OffsetDateTime orderDate,
        OffsetDateTime expectedCompletionDate,
        OffsetDateTime completionDate,
        OffsetDateTime cancellationDate,
        String notificationContact,
        OffsetDateTime requestedStartDate,
        OffsetDateTime requestedCompletionDate,
        List<ExternalIdentifier> externalId,
        List<RelatedChannel> channel,
        List<RelatedParty> relatedParty,
        List<EntityRef> agreement,
        List<EntityRef> payment,
        List<Item> productOrderItem,
        List<OrderPrice> orderTotalPrice,
        List<ErrorMessage> productOrderErrorMessage,
        List<Milestone> productOrderMilestone,
        List<Note> note) {

    /** A note the channel attached: its position as id, who wrote it, when and what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Note(@JsonProperty("@type") String type, String id, String author, OffsetDateTime date,
            String text) {
    }

    /** The channel's own reference. */
    public record ExternalIdentifier(@JsonProperty("@type") String type, String id, String owner,
            String externalIdentifierType) {
    }

    /** The channel the order came from. */
    public record RelatedChannel(@JsonProperty("@type") String type, String role, EntityRef channel) {
    }

    /** The customer as identified on the order. */
    public record RelatedParty(@JsonProperty("@type") String type, String role, EntityRef partyOrPartyRole) {
    }

    /** A TMF entity reference. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityRef(@JsonProperty("@type") String type, String id, String name,
            @JsonProperty("@referredType") String referredType) {
    }

    /** One item: what was ordered, where, on which terms, at which prices, in which state. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(@JsonProperty("@type") String type, String id, String action, int quantity, String state,
            EntityRef productOffering, Product product, List<Term> itemTerm, List<OrderPrice> itemPrice,
            List<OrderPrice> itemTotalPrice) {
    }

    /** The product an item creates, with its places. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Product(@JsonProperty("@type") String type, String name, List<RelatedPlace> place) {
    }

    /** A place in a role. */
    public record RelatedPlace(@JsonProperty("@type") String type, String role, Place place) {
    }

    /** A GeographicAddress, or a PlaceRef (a store). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(@JsonProperty("@type") String type, String id, String streetName, String city,
            String postcode, String country) {
    }

    /** Instalments or contract months. */
    public record Term(@JsonProperty("@type") String type, String name, Duration duration) {
    }

    /** An amount of time units. */
    public record Duration(int amount, String units) {
    }

    /** A one-off or monthly price. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderPrice(@JsonProperty("@type") String type, String name, String priceType,
            String recurringChargePeriod, Price price) {
    }

    /** Amounts with and without IGV, and its rate (percent). */
    public record Price(@JsonProperty("@type") String type, Money taxIncludedAmount, Money dutyFreeAmount,
            BigDecimal taxRate) {
    }

    /** TMF Money: an amount and its ISO 4217 currency. */
    public record Money(String unit, BigDecimal value) {
    }

    /** One reason of the decision: the table's reason code, the check, the channel's message, the items concerned. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ErrorMessage(@JsonProperty("@type") String type, String code, String reason, String message,
            String status, OffsetDateTime timestamp, List<ItemRef> productOrderItem) {
    }

    /** A reference to one item of this order. */
    public record ItemRef(@JsonProperty("@type") String type, String productOrderId, String productOrderItemId) {
    }

    /** A step the order reached, and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(@JsonProperty("@type") String type, String id, String name, String status,
            OffsetDateTime milestoneDate, String message) {
    }
}
