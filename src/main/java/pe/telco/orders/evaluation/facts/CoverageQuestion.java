package pe.telco.orders.evaluation.facts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Can this service be provided at the service address, at the plan's speed? */
public class CoverageQuestion extends Question {

    private final String category;
    private final String productName;
    private final int requestedMbps;
    private final String postalCode;
    private final Map<String, Integer> maxMbpsByTechnology;

    public CoverageQuestion(ItemFacts item, OrderFacts order, Collection<TechnologyAtAddress> technologies) {
        super(Check.COVERAGE, item.getLine(), item.getProductCode());
        this.category = item.getCategory();
        this.productName = item.getProductName();
        this.requestedMbps = item.getDownloadMbps();
        this.postalCode = order.getPostalCode();
        this.maxMbpsByTechnology = technologies.stream().collect(Collectors.toMap(
                TechnologyAtAddress::getTechnology, TechnologyAtAddress::getMaxDownloadMbps, Math::max));
    }

    @Override
    public Map<String, Object> placeholders() {
        Map<String, Object> values = new HashMap<>();
        values.put("productCode", getProductCode());
        values.put("productName", productName);
        values.put("requestedMbps", requestedMbps);
        values.put("postalCode", postalCode);
        for (String technology : TechnologyAtAddress.TECHNOLOGIES) {
            values.put("maxMbps" + technology, maxMbpsByTechnology.getOrDefault(technology, 0));
        }
        return values;
    }

    /** For table cells that list categories: {@code inCategories("FIBER_INTERNET, HFC_INTERNET")}. */
    public boolean inCategories(String names) {
        return listed(names, category);
    }

    public String getCategory() { return category; }
    public String getProductName() { return productName; }
    public int getRequestedMbps() { return requestedMbps; }
    public String getPostalCode() { return postalCode; }
}
