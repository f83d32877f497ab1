package pe.telco.orders.console;

/**
 * What every console page needs around its content: who is signed in, which menus they may use, the language, and
 * the token each of its forms carries ({@link ConsoleFormTokens}).
 */
public record ConsoleFrame(String user, String lang, String otherLang, String path, boolean ruleAuthor,
        boolean ruleApprover, boolean approver, boolean auditor, String formToken) {

    /** The current page in the other language. */
    public String switchLink() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + otherLang;
    }
}
