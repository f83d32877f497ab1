package pe.telco.orders.console;

/**
 * What every console page needs around its content: who is signed in, which menus they may use, the language, and
 * the token each of its forms carries ({@link ConsoleFormTokens}).
 */
public record ConsoleFrame(String user, String lang, String otherLang, String path, boolean ruleAuthor,
        boolean ruleApprover, boolean approver, boolean auditor, boolean operations, boolean warehouse,
        boolean fieldService, String formToken) {

    /** The current page in the other language. */
    public String switchLink() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + otherLang;
    }

    /** The overview is for those who decide, govern or run orders; the warehouse and field service have lists. */
    public boolean overview() {
        return ruleAuthor || ruleApprover || approver || auditor || operations;
    }

    public boolean shipments() {
        return warehouse || operations;
    }

    public boolean workOrders() {
        return fieldService || operations;
    }
}
