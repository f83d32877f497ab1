package pe.telco.orders.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Access settings: the channel of each channel user, and how bearer tokens are checked beyond their signature. */
@ConfigMapping(prefix = "orders.access")
public interface AccessConfig {

    /** User name → channel (STORE, VIRTUAL_STORE, CALL_CENTER, WEB, APP), for Basic users; tokens carry a claim. */
    Map<String, String> channelOf();

    /** How far in the future a token's {@code iat} may lie (clocks differ a little); beyond it the token is refused. */
    @WithDefault("60S")
    Duration tokenIssuedAtSkew();
}
