package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;
import java.util.Map;

/** May this customer finance this order: profile (score, debt, tenure, segment) against amount and instalments. */
public class CreditQuestion extends Question {

    private final String segment;
    private final boolean hasCreditScore;
    private final int creditScore;
    private final BigDecimal overdueDebt;
    private final int tenureMonths;
    private final boolean newCustomer;
    private final BigDecimal financedTotal;
    private final int maxInstallments;

    public CreditQuestion(OrderFacts order, CustomerFacts customer) {
        super(Check.CREDIT, 0, null);
        this.segment = customer.getSegment();
        this.hasCreditScore = customer.isHasCreditScore();
        this.creditScore = customer.getCreditScore();
        this.overdueDebt = customer.getOverdueDebt();
        this.tenureMonths = customer.getTenureMonths();
        this.newCustomer = !customer.isExisting();
        this.financedTotal = order.getFinancedTotal();
        this.maxInstallments = order.getMaxInstallments();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("segment", segment, "creditScore", creditScore, "overdueDebt", overdueDebt,
                "tenureMonths", tenureMonths, "financedTotal", financedTotal, "installments", maxInstallments);
    }

    public String getSegment() { return segment; }
    public boolean isHasCreditScore() { return hasCreditScore; }
    public int getCreditScore() { return creditScore; }
    public BigDecimal getOverdueDebt() { return overdueDebt; }
    public int getTenureMonths() { return tenureMonths; }
    public boolean isNewCustomer() { return newCustomer; }
    public BigDecimal getFinancedTotal() { return financedTotal; }
    public int getMaxInstallments() { return maxInstallments; }
}
