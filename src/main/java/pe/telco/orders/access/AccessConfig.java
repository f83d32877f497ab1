package pe.telco.orders.access;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Which channel each channel user belongs to (Basic users; tokens carry a "channel" claim instead). */
@ConfigMapping(prefix = "orders.access")
public interface AccessConfig {

    /** User name → channel (STORE, VIRTUAL_STORE, CALL_CENTER, WEB, APP). */
    Map<String, String> channelOf();
}
