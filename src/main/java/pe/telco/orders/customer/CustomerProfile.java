package pe.telco.orders.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the checks read of a known customer, as plain values: segment, tenure, credit and the products it has now.
 * A stored order's evaluation takes it from the entity in its transaction; a dry run reads it in one statement.
 */
public record CustomerProfile(DocumentType documentType, String documentNumber, Segment segment,
        LocalDate customerSince, Integer creditScore, BigDecimal overdueDebt, List<Owned> products) {

    /** A product the customer has now, at the address it is installed at (products in the order they were added). */
    public record Owned(String productCode, String street, String postalCode) {
    }

    public static CustomerProfile of(Customer customer) {
        return new CustomerProfile(customer.getDocumentType(), customer.getDocumentNumber(), customer.getSegment(),
                customer.getCustomerSince(), customer.getCreditScore(), customer.getOverdueDebt(),
                customer.getProducts().stream().map(p -> new Owned(p.getProductCode(), p.getAddress().street(),
                        p.getAddress().postalCode())).toList());
    }
}
