package pe.telco.orders.evaluation.facts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One check's answer for the order or one item: outcome, a stable reason code, the internal message for the back
 * office, and the message written for the channel (which never carries credit figures or other internal detail).
 */
public class CheckResult {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Check check;
    private final int line;
    private final String productCode;
    private final Outcome outcome;
    private final Map<String, Object> placeholders;
    private String code;
    private String message;
    private String channelMessage;
    private String ruleId;

    public CheckResult(Check check, int line, String productCode, Outcome outcome, Map<String, Object> placeholders) {
        this.check = check;
        this.line = line;
        this.productCode = productCode;
        this.outcome = outcome;
        this.placeholders = placeholders;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** Takes the message as written in the table and fills its {placeholders} from the facts of this check. */
    public void setMessage(String template) {
        this.message = filled(template);
    }

    /**
     * The message the channel and the customer read, from the table's channel-message column; its {placeholders} are
     * filled the same way, so the business decides what a channel may see.
     */
    public void setChannelMessage(String template) {
        this.channelMessage = filled(template);
    }

    private String filled(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            Object value = placeholders.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** Set by the firing recorder: the rule that produced this answer. */
    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public Check getCheck() { return check; }
    public int getLine() { return line; }
    public String getProductCode() { return productCode; }
    public Outcome getOutcome() { return outcome; }
    public String getCode() { return code; }
    public String getMessage() { return message; }
    public String getChannelMessage() { return channelMessage; }
    public String getRuleId() { return ruleId; }
}
