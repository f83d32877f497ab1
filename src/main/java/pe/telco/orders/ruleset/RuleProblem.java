package pe.telco.orders.ruleset;

/**
 * Something wrong with a ruleset, where a business user can find it: {@code credit.drl.xlsx!Credito!D14}, or a DRL
 * file and line ({@code inventory.drl:12}).
 */
public record RuleProblem(String location, String message) {

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, message);
    }

    public static RuleProblem atCell(String file, String sheet, String cell, String message) {
        return new RuleProblem(file + "!" + sheet + "!" + cell, message);
    }
}
