package pe.telco.orders.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Drools version on the classpath, recorded with every evaluation. */
public final class DroolsVersion {

    public static final String VALUE = read();

    private DroolsVersion() {
    }

    private static String read() {
        try (InputStream in = DroolsVersion.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
