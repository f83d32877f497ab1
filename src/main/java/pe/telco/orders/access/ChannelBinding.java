package pe.telco.orders.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Binds channel credentials to their channel when they authenticate (a token's {@code channel} claim, or
 * {@code orders.access.channel-of.<user>}). Fails closed: CHANNEL credentials with no known channel lose the CHANNEL
 * role (so every channel endpoint answers 403) unless they also hold a back-office role, which sees every channel.
 */
@ApplicationScoped
public class ChannelBinding implements SecurityIdentityAugmentor {

    /** The identity attribute holding the bound channel (STORE, VIRTUAL_STORE, CALL_CENTER, WEB or APP). */
    static final String CHANNEL = "orders.channel";
    /** The channels credentials may be bound to (the order channels). */
    static final Set<String> KNOWN_CHANNELS = Set.of("STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP");
    /** Roles that see every channel's orders. */
    static final Set<String> BACK_OFFICE = Set.of(Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR, Roles.RULE_AUTHOR,
            Roles.RULE_DEVELOPER, Roles.RULE_APPROVER);

    private static final Logger LOG = Logger.getLogger(ChannelBinding.class);

    private final AccessConfig config;

    public ChannelBinding(AccessConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> channel = knownChannel(identity);
        if (channel.isPresent()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(CHANNEL, channel.get()).build());
        }
        if (identity.hasRole(Roles.CHANNEL) && !isBackOffice(identity)) {
            LOG.infof("Credentials %s hold the CHANNEL role but no known channel: refused as a channel",
                    identity.getPrincipal().getName());
            return Uni.createFrom().item(withoutChannelRole(identity));
        }
        return Uni.createFrom().item(identity);
    }

    static boolean isBackOffice(SecurityIdentity identity) {
        return BACK_OFFICE.stream().anyMatch(identity::hasRole);
    }

    private Optional<String> knownChannel(SecurityIdentity identity) {
        Object claimed = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("channel") : null;
        String channel = claimed != null ? claimed.toString() : config.channelOf().get(identity.getPrincipal().getName());
        return Optional.ofNullable(channel).map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(KNOWN_CHANNELS::contains);
    }

    private static SecurityIdentity withoutChannelRole(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(role -> !role.equals(Roles.CHANNEL)).forEach(builder::addRole);
        return builder.build();
    }
}
