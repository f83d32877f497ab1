package pe.telco.orders.evaluation.facts;

import java.util.Map;

/** Did the customer accept the terms and conditions in effect today? */
public class TermsQuestion extends Question {

    private final String termsStatus;
    private final String acceptedVersion;
    private final String currentVersion;
    private final String channel;

    public TermsQuestion(OrderFacts order) {
        super(Check.TERMS, 0, null);
        this.termsStatus = order.getTermsStatus();
        this.acceptedVersion = order.getAcceptedTermsVersion();
        this.currentVersion = order.getCurrentTermsVersion();
        this.channel = order.getChannel();
    }

    @Override
    public Map<String, Object> placeholders() {
        return values("acceptedVersion", acceptedVersion, "currentVersion", currentVersion, "channel", channel);
    }

    public String getTermsStatus() { return termsStatus; }
    public String getAcceptedVersion() { return acceptedVersion; }
    public String getCurrentVersion() { return currentVersion; }
    public String getChannel() { return channel; }
}
