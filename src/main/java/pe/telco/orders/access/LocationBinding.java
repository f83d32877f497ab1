package pe.telco.orders.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Binds warehouse credentials to their location (a token's {@code location} claim, or
 * {@code orders.access.location-of.<user>}). Fails closed: WAREHOUSE credentials without a location lose the role.
 */
@ApplicationScoped
public class LocationBinding implements SecurityIdentityAugmentor {

    /** The identity attribute holding the bound location code. */
    static final String LOCATION = "orders.location";
    private static final Logger LOG = Logger.getLogger(LocationBinding.class);

    private final AccessConfig config;

    public LocationBinding(AccessConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.WAREHOUSE)) {
            return Uni.createFrom().item(identity);
        }
        Object claimed = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("location") : null;
        Optional<String> location = Optional.ofNullable(claimed != null ? claimed.toString()
                : config.locationOf().get(identity.getPrincipal().getName())).map(String::strip)
                .filter(l -> !l.isEmpty());
        if (location.isPresent()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(LOCATION, location.get()).build());
        }
        LOG.infof("Credentials %s hold the WAREHOUSE role but no location: refused as a warehouse",
                identity.getPrincipal().getName());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal()).addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes()).addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(role -> !role.equals(Roles.WAREHOUSE)).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }
}
