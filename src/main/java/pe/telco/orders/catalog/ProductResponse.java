package pe.telco.orders.catalog;

import java.math.BigDecimal;

/** A catalogue product as the API shows it. */
public record ProductResponse(
        String code,
        String name,
        ProductKind kind,
        ProductCategory category,
        BigDecimal price,
        BigDecimal monthlyFee,
        String currency,
        boolean financeable,
        int maxInstallments,
        int contractMonths,
        Integer downloadMbps) {

    public static ProductResponse from(Product p) {
        return new ProductResponse(p.getCode(), p.getName(), p.getKind(), p.getCategory(), p.getPrice(),
                p.getMonthlyFee(), p.getCurrency(), p.isFinanceable(), p.getMaxInstallments(),
                p.getContractMonths(), p.getDownloadMbps());
    }
}
