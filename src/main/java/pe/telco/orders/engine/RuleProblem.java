package pe.telco.orders.engine;

/**
 * Something wrong with a ruleset, where a business user can find it: {@code credit.drl.xlsx!Credito!D14}, or a DRL
 * file and line ({@code inventory.drl:12}). The message is English; {@code spanish} says the same for the console's
 * Spanish pages where it has been written (otherwise the English is shown).
 */
public record RuleProblem(String location, String message, String spanish) {

    public RuleProblem(String location, String message) {
        this(location, message, null);
    }

    /** The message in the console's language: {@code es} or {@code en}. */
    public String message(String language) {
        return "es".equals(language) && spanish != null ? spanish : message;
    }

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, message);
    }

    public static RuleProblem inFile(String file, String message, String spanish) {
        return new RuleProblem(file, message, spanish);
    }

    public static RuleProblem atCell(String file, String sheet, String cell, String message) {
        return new RuleProblem(file + "!" + sheet + "!" + cell, message);
    }

    public static RuleProblem atCell(String file, String sheet, String cell, String message, String spanish) {
        return new RuleProblem(file + "!" + sheet + "!" + cell, message, spanish);
    }
}
