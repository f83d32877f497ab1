package pe.telco.orders.tmf;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A TMF622 {@code ProductOrder_FVO} as a channel sends it, reduced to the attributes this service reads; every other
 * attribute is ignored. Read as text and checked all at once by the order intake, so one answer lists every bad field.
 */
@Schema(name = "ProductOrder_FVO", description = "TMF622 v5 ProductOrder as a channel creates it")
public record ProductOrderInput(
        @JsonProperty("@type") String type,
        @Schema(enumeration = {"acknowledged", "draft"}) String requestedInitialState,
        List<ExternalIdentifier> externalId,
        List<RelatedChannel> channel,
        @Schema(description = "The customer: role customer, partyOrPartyRole.id = document type and number "
                + "(DNI:45871236), name = the customer's name") List<RelatedParty> relatedParty,
        @Schema(description = "residential (default) or business") String category,
        @Schema(description = "The customer's e-mail address, or a phone number") String notificationContact,
        @Schema(description = "The terms and conditions the customer accepted: id = their version (2026-01)")
        List<Ref> agreement,
        @Schema(description = "How the customer pays: name (or id) AUTOMATIC_DEBIT, ONLINE or IN_STORE") List<Ref> payment,
        List<Item> productOrderItem,
        @Schema(description = "Notes for the order: at most 20, text up to 1000 characters") List<Note> note,
        @Schema(description = "ISO 8601 with offset") String requestedStartDate,
        @Schema(description = "ISO 8601 with offset, not before requestedStartDate") String requestedCompletionDate) {

    /** A note: who wrote it, when (ISO 8601 with offset; absent = when received) and what. Read as text. */
    public record Note(@JsonProperty("@type") String type, String id, String author, String date, String text) {
    }

    /** The channel's own reference of the order. */
    public record ExternalIdentifier(@JsonProperty("@type") String type, String id, String owner,
            String externalIdentifierType) {
    }

    /** The channel the order comes from: channel.id (or name) is STORE, VIRTUAL_STORE, CALL_CENTER, WEB or APP. */
    public record RelatedChannel(@JsonProperty("@type") String type, String role, Ref channel) {
    }

    /** A party in a role; the customer's party carries their document and name. */
    public record RelatedParty(@JsonProperty("@type") String type, String role, Ref partyOrPartyRole) {
    }

    /** Any TMF entity reference. */
    public record Ref(@JsonProperty("@type") String type, String id, String name,
            @JsonProperty("@referredType") String referredType) {
    }

    /** One order item: add a catalogue product offering, with its places and terms. */
    public record Item(@JsonProperty("@type") String type, String id, String action, Integer quantity,
            Ref productOffering, Product product, List<Term> itemTerm) {
    }

    /** The product an item creates: only its places are read. */
    public record Product(@JsonProperty("@type") String type, List<RelatedPlace> place) {
    }

    /**
     * A place in a role: installationAddress (where the service is installed and coverage is checked),
     * deliveryAddress (where a device is delivered) or pickupStore (a PlaceRef whose id is the store code).
     */
    public record RelatedPlace(@JsonProperty("@type") String type, String role, Place place) {
    }

    /** A GeographicAddress (street, number, city, postcode) or a PlaceRef (id). */
    public record Place(@JsonProperty("@type") String type, String id, String streetName, String streetNr,
            String city, String postcode) {
    }

    /** A commitment with a duration: name instalments (months financed) or contract. */
    public record Term(@JsonProperty("@type") String type, String name, Duration duration) {
    }

    /** An amount of time units. */
    public record Duration(Integer amount, String units) {
    }
}
