package pe.telco.orders.evaluation.facts;

import java.math.BigDecimal;

/** The customer's credit profile as known to the operator (never taken from the order request). */
public class CustomerFacts {

    private final String documentType;
    private final String documentNumber;
    private final String segment;
    private final boolean existing;
    private final int tenureMonths;
    private final boolean hasCreditScore;
    private final int creditScore;
    private final BigDecimal overdueDebt;

    public CustomerFacts(String documentType, String documentNumber, String segment, boolean existing,
            int tenureMonths, boolean hasCreditScore, int creditScore, BigDecimal overdueDebt) {
        this.documentType = documentType;
        this.documentNumber = documentNumber;
        this.segment = segment;
        this.existing = existing;
        this.tenureMonths = tenureMonths;
        this.hasCreditScore = hasCreditScore;
        this.creditScore = hasCreditScore ? creditScore : -1;
        this.overdueDebt = overdueDebt == null ? BigDecimal.ZERO : overdueDebt;
    }

    /** A customer's profile from a score that may be unknown (null: no credit history yet). */
    public static CustomerFacts of(String documentType, String documentNumber, String segment, boolean existing,
            int tenureMonths, Integer creditScore, BigDecimal overdueDebt) {
        return new CustomerFacts(documentType, documentNumber, segment, existing, tenureMonths, creditScore != null,
                creditScore == null ? -1 : creditScore, overdueDebt);
    }

    public boolean isHasCreditScore() {
        return hasCreditScore;
    }

    /** The bureau score 0..1000; -1 when the customer has no credit history (check {@link #isHasCreditScore()}). */
    public int getCreditScore() {
        return creditScore;
    }

    public String getDocumentType() { return documentType; }
    public String getDocumentNumber() { return documentNumber; }
    public String getSegment() { return segment; }
    public boolean isExisting() { return existing; }
    public int getTenureMonths() { return tenureMonths; }
    public BigDecimal getOverdueDebt() { return overdueDebt; }
}
