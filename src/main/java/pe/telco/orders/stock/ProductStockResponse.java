package pe.telco.orders.stock;

import java.util.List;

/** A product's stock: totals over every location, and each location that holds it. */
public record ProductStockResponse(
        String productCode,
        int onHand,
        int reserved,
        int available,
        List<StockLevelResponse> locations) {

    public static ProductStockResponse from(String productCode, List<Stock> stock) {
        return new ProductStockResponse(productCode,
                stock.stream().mapToInt(Stock::getOnHand).sum(),
                stock.stream().mapToInt(Stock::getReserved).sum(),
                stock.stream().mapToInt(Stock::available).sum(),
                stock.stream().map(StockLevelResponse::from).toList());
    }
}
