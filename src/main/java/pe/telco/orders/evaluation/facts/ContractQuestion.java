package pe.telco.orders.evaluation.facts;

import java.util.Map;

/** Are the contract terms of this service (minimum stay, instalments) allowed for its category and segment? */
public class ContractQuestion extends Question {

    private final String category;
    private final String productName;
    private final int contractMonths;
    private final String segment;

    public ContractQuestion(ItemFacts item, CustomerFacts customer) {
        super(Check.TERMS, item.getLine(), item.getProductCode());
        this.category = item.getCategory();
        this.productName = item.getProductName();
        this.contractMonths = item.getContractMonths();
        this.segment = customer.getSegment();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("productCode", getProductCode(), "productName", productName,
                "contractMonths", contractMonths, "segment", segment);
    }

    /** For table cells that list categories: {@code inCategories("FIBER_INTERNET, HFC_INTERNET")}. */
    public boolean inCategories(String names) {
        return listed(names, category);
    }

    public String getCategory() { return category; }
    public String getProductName() { return productName; }
    public int getContractMonths() { return contractMonths; }
    public String getSegment() { return segment; }
}
