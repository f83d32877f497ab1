package pe.telco.orders.terms;

import java.time.LocalDate;

/** A terms version as the API shows it. */
public record TermsResponse(String version, LocalDate effectiveFrom, String url) {

    public static TermsResponse from(Terms terms) {
        return new TermsResponse(terms.getVersion(), terms.getEffectiveFrom(), terms.getUrl());
    }
}
