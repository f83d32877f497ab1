package pe.telco.orders.ruleset.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import pe.telco.orders.ruleset.RulesetStatus;
import pe.telco.orders.ruleset.RulesetVersion;

/**
 * Whether a candidate carries a developer's change (DRL or table structure) whose checks are still pending: such a
 * version runs nothing, not even in the sandbox, until a second person activates it (its upload report says so).
 */
public final class DeveloperCode {

    private DeveloperCode() {
    }

    public static boolean pending(ObjectMapper json, RulesetVersion version) {
        if (version.getStatus() != RulesetStatus.CANDIDATE || version.getReport() == null) {
            return false;
        }
        try {
            return json.readTree(version.getReport()).path("checksPending").asBoolean(false);
        } catch (JsonProcessingException e) {
            return true;
        }
    }
}
