package pe.telco.orders.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Access settings: the channel of each channel user, token checks, and who may read the operational endpoints. */
@ConfigMapping(prefix = "orders.access")
public interface AccessConfig {

    /** User name → channel (STORE, VIRTUAL_STORE, CALL_CENTER, WEB, APP), for Basic users; tokens carry a claim. */
    Map<String, String> channelOf();

    /** User name → location code (a warehouse or store), for WAREHOUSE Basic users; tokens carry a location claim. */
    Map<String, String> locationOf();

    /** How far in the future a token's {@code iat} may lie (clocks differ a little); beyond it the token is refused. */
    @WithDefault("60S")
    Duration tokenIssuedAtSkew();

    /**
     * Whether {@code /q/metrics} needs the OPERATIONS role and {@code /q/openapi} and Swagger UI need credentials.
     * On by default (production); off in dev and test. {@code /q/health} stays open either way.
     */
    @WithDefault("true")
    boolean protectOperationalEndpoints();
}
