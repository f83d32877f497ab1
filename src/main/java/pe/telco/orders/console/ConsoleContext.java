package pe.telco.orders.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;

/**
 * The console's view of the request: the language (a {@code ?lang=} switch, then the cookie it leaves, then
 * {@code Accept-Language}; Spanish by default) and the signed-in person, put around every page.
 */
@RequestScoped
public class ConsoleContext {

    static final String LANG_COOKIE = "console-lang";

    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final ConsoleFormTokens formTokens;

    public ConsoleContext(HttpServerRequest request, SecurityIdentity identity, Caller caller,
            ConsoleFormTokens formTokens) {
        this.request = request;
        this.identity = identity;
        this.caller = caller;
        this.formTokens = formTokens;
    }

    /** "es" or "en". */
    public String lang() {
        return chosenLang(request.getParam("lang"),
                request.getCookie(LANG_COOKIE) == null ? null : request.getCookie(LANG_COOKIE).getValue(),
                request.getHeader("Accept-Language"));
    }

    static String chosenLang(String param, String cookie, String acceptLanguage) {
        for (String candidate : new String[] {param, cookie}) {
            if ("en".equals(candidate) || "es".equals(candidate)) {
                return candidate;
            }
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
                if (tag.startsWith("es")) {
                    return "es";
                }
                if (tag.startsWith("en")) {
                    return "en";
                }
            }
        }
        return "es";
    }

    /** The console's texts in the request's language, for views built in Java (fact labels, transitions). */
    public ConsoleMessages messages() {
        return lang().equals("es") ? MessageBundles.get(ConsoleMessages.class)
                : MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(lang()));
    }

    public String user() {
        return caller.name();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** A page in the request's language, with the frame (user, menus, language switch) around it. */
    public TemplateInstance page(TemplateInstance page) {
        return page(page, request.uri());
    }

    /**
     * The same for a page answered to a form post: its language switch leads to {@code path} (the list the form came
     * from), since the post itself cannot be opened again.
     */
    public TemplateInstance page(TemplateInstance page, String path) {
        String lang = lang();
        String uri = path.replaceAll("([?&])lang=[a-z]*&?", "$1").replaceAll("[?&]$", "");
        ConsoleFrame frame = new ConsoleFrame(user(), lang, lang.equals("es") ? "en" : "es", uri,
                has(Roles.RULE_AUTHOR), has(Roles.RULE_APPROVER), has(Roles.APPROVER), has(Roles.AUDITOR),
                has(Roles.OPERATIONS), has(Roles.WAREHOUSE), has(Roles.FIELD_SERVICE), formTokens.of(user()));
        return page.data("frame", frame).setLocale(Locale.forLanguageTag(lang));
    }
}
