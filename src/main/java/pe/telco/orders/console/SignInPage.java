package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in to the console and out of it. Quarkus' form mechanism checks the password (the form posts to
 * {@code /console/j_security_check}) and keeps the session in an encrypted cookie; this page only asks for it.
 */
@Path("/console")
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String lang, String otherLang, boolean failed, boolean signedOut);
    }

    private final ConsoleContext console;
    private final SecurityIdentity identity;
    private final String sessionCookie;

    public SignInPage(ConsoleContext console, SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.console = console;
        this.identity = identity;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Path("/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean failed, @QueryParam("signed-out") boolean signedOut) {
        String lang = console.lang();
        return Templates.login(lang, lang.equals("es") ? "en" : "es", failed, signedOut)
                .setLocale(Locale.forLanguageTag(lang));
    }

    /** Ends the session: the cookie is cleared and the person is back at the login page. */
    @POST
    @Path("/logout")
    @PermitAll
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console/login?signed-out=true")).cookie(expired).build();
    }
}
