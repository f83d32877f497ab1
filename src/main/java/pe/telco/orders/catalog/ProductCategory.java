package pe.telco.orders.catalog;

import java.util.Arrays;
import java.util.List;

/** What a product is, for the checks; each category belongs to exactly one {@link ProductKind}. */
public enum ProductCategory {
    SMARTPHONE(ProductKind.DEVICE),
    ROUTER(ProductKind.DEVICE),
    FIBER_INTERNET(ProductKind.SERVICE),
    HFC_INTERNET(ProductKind.SERVICE),
    FIXED_LINE(ProductKind.SERVICE),
    MOBILE_POSTPAID(ProductKind.SERVICE),
    MOBILE_PREPAID(ProductKind.SERVICE),
    TV(ProductKind.SERVICE);

    private final ProductKind kind;

    ProductCategory(ProductKind kind) {
        this.kind = kind;
    }

    public ProductKind kind() {
        return kind;
    }

    /** Fixed internet access: it needs a download speed, and coverage for it at the address. */
    public boolean isFixedInternet() {
        return this == FIBER_INTERNET || this == HFC_INTERNET;
    }

    public static List<ProductCategory> of(ProductKind kind) {
        return Arrays.stream(values()).filter(c -> c.kind == kind).toList();
    }
}
