package pe.telco.orders.coverage;

import java.util.List;

/** What is available at a postal code; an empty list where nothing is known. */
public record CoverageResponse(String postalCode, List<Available> technologies) {

    /** One technology and its best download speed there. */
    public record Available(Technology technology, int maxDownloadMbps) {

        public static Available from(Coverage coverage) {
            return new Available(coverage.getTechnology(), coverage.getMaxDownloadMbps());
        }
    }

    public static CoverageResponse from(String postalCode, List<Coverage> coverage) {
        return new CoverageResponse(postalCode, coverage.stream().map(Available::from).toList());
    }
}
