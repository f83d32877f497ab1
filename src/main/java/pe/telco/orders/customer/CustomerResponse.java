package pe.telco.orders.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A customer as the API shows it, with current products; amounts are in {@code currency}. */
public record CustomerResponse(
        long id,
        DocumentType documentType,
        String documentNumber,
        String name,
        Segment segment,
        LocalDate customerSince,
        Integer creditScore,
        BigDecimal overdueDebt,
        String currency,
        String email,
        String phone,
        List<CurrentProduct> products) {

    /** Customer amounts are kept in soles. */
    public static final String CURRENCY = "PEN";

    /** A product the customer has now, where, and since when. */
    public record CurrentProduct(String productCode, Address address, LocalDate since) {

        static CurrentProduct from(CustomerProduct product) {
            ServiceAddress a = product.getAddress();
            return new CurrentProduct(product.getProductCode(), new Address(a.street(), a.city(), a.postalCode()),
                    product.getSince());
        }
    }

    /** A service address. */
    public record Address(String street, String city, String postalCode) {
    }

    public static CustomerResponse from(Customer c) {
        return new CustomerResponse(c.getId(), c.getDocumentType(), c.getDocumentNumber(), c.getName(),
                c.getSegment(), c.getCustomerSince(), c.getCreditScore(), c.getOverdueDebt(), CURRENCY,
                c.getEmail(), c.getPhone(), c.getProducts().stream().map(CurrentProduct::from).toList());
    }
}
