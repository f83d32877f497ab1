package pe.telco.orders.evaluation;

import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Outcome;

/** The message a channel reads for a check's answer: the table's channel message, never the internal one. */
public final class ChannelMessages {

    private ChannelMessages() {
    }

    /**
     * The channel message the rule wrote; a ruleset from before the channel-message column has none, and then a
     * neutral sentence for the outcome stands in: the internal message may carry credit figures, so it is never used.
     */
    public static String of(CheckResult result) {
        if (result.getChannelMessage() != null && !result.getChannelMessage().isBlank()) {
            return result.getChannelMessage();
        }
        return fallback(result.getOutcome());
    }

    static String fallback(Outcome outcome) {
        return switch (outcome) {
            case PASS -> "Verificación aprobada";
            case REVIEW -> "El pedido requiere una revisión antes de continuar";
            case FAIL -> "El pedido no cumple una condición y no puede continuar";
        };
    }
}
