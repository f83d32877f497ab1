package pe.telco.orders.ruleset.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts of one order in business terms, as a person edits them for a what-if: the customer's credit profile, the
 * order's header, its items, what the address offers, stock and what the customer already has. Totals are derived.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(Customer customer, Order order, List<Item> items, List<Coverage> coverage, List<Stock> stock,
        List<Owned> currentProducts) {

    /** Who orders: {@code creditScore} null means no credit history; {@code overdueDebt} in the order's currency. */
    public record Customer(String documentType, String documentNumber, String segment, Boolean existing,
            Integer tenureMonths, Integer creditScore, BigDecimal overdueDebt) {
    }

    /** The order's header; {@code currentTermsVersion} is the version in effect (what the terms rules compare). */
    public record Order(String channel, String deliveryMethod, String pickupStoreCode, String postalCode,
            String acceptedTermsVersion, String currentTermsVersion, String currency, OffsetDateTime evaluatedAt) {
    }

    /** One line; prices absent: the base evaluation's (same product) or the catalogue's. */
    public record Item(String productCode, Integer quantity, Integer installments, BigDecimal unitPrice,
            BigDecimal monthlyFee) {
    }

    /** A technology offered at the service address, and its top speed. */
    public record Coverage(String technology, Integer maxDownloadMbps) {
    }

    /** Units of a device at a warehouse or store. */
    public record Stock(String productCode, String locationCode, String locationKind, Integer onHand,
            Integer reserved) {
    }

    /** A product the customer already has, and whether it is at this order's service address. */
    public record Owned(String productCode, String category, String postalCode, Boolean atServiceAddress) {
    }
}
