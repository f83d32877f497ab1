package pe.telco.orders.evaluation.facts;

/** One access technology at the service address: offered or not, and how fast. One fact per technology. */
public class TechnologyAtAddress {

    public static final String[] TECHNOLOGIES = {"FTTH", "HFC", "DSL", "LTE", "NR5G"};

    private final String postalCode;
    private final String technology;
    private final boolean offered;
    private final int maxDownloadMbps;

    public TechnologyAtAddress(String postalCode, String technology, boolean offered, int maxDownloadMbps) {
        this.postalCode = postalCode;
        this.technology = technology;
        this.offered = offered;
        this.maxDownloadMbps = offered ? maxDownloadMbps : 0;
    }

    /** WITHIN when a plan of that speed fits what the technology delivers here, else EXCEEDS. */
    public String speedFor(int requestedMbps) {
        return offered && requestedMbps <= maxDownloadMbps ? "WITHIN" : "EXCEEDS";
    }

    public String getPostalCode() { return postalCode; }
    public String getTechnology() { return technology; }
    public boolean isOffered() { return offered; }
    public int getMaxDownloadMbps() { return maxDownloadMbps; }
}
