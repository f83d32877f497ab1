package pe.telco.orders.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import pe.telco.orders.catalog.Product;

/** The body of {@code PUT /api/customers/{documentType}/{documentNumber}}; products replace the current ones. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Segment segment,
        LocalDate customerSince,
        @Min(0) @Max(1000) Integer creditScore,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal overdueDebt,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number such as +51 999 888 777") String phone,
        @Size(max = 50) List<@NotNull @Valid CurrentProduct> products) {

    public static final String PHONE_PATTERN = "\\+?[0-9 ()-]{6,20}";

    public BigDecimal overdueDebtOrZero() {
        return overdueDebt == null ? BigDecimal.ZERO : overdueDebt;
    }

    public List<CurrentProduct> productsOrNone() {
        return products == null ? List.of() : products;
    }

    /** A product the customer has now; {@code since} defaults to the day it was first reported. */
    public record CurrentProduct(
            @NotNull @Pattern(regexp = Product.CODE_PATTERN, message = Product.CODE_MESSAGE) String productCode,
            @NotNull @Valid Address address,
            LocalDate since) {
    }

    /** The service address of a current product. */
    public record Address(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "\\d{5}", message = "must be a Peruvian postal code of 5 digits")
            String postalCode) {

        public ServiceAddress toServiceAddress() {
            return new ServiceAddress(street, city, postalCode);
        }
    }
}
