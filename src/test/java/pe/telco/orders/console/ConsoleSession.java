package pe.telco.orders.console;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the console over plain HTTP, as a browser would be: the login form's session cookie, and the
 * form token read from a page they opened.
 */
public record ConsoleSession(String cookie) {

    public static final String COOKIE = "console-session";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form-token\" value=\"([^\"]+)\"");

    public static ConsoleSession signIn(String user, String password) {
        String cookie = RestAssured.given().auth().none().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", password).post("/console/j_security_check").then().statusCode(302)
                .extract().cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            throw new AssertionError("no session for " + user);
        }
        return new ConsoleSession(cookie);
    }

    /** A request carrying only the session cookie (no Basic credentials). */
    public RequestSpecification given() {
        return RestAssured.given().auth().none().redirects().follow(false).cookie(COOKIE, cookie);
    }

    /** The form token on the page at this path. */
    public String formToken(String path) {
        String page = given().accept("text/html").get(path).then().statusCode(200).extract().asString();
        Matcher m = FORM_TOKEN.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no form token on " + path);
        }
        return m.group(1);
    }
}
