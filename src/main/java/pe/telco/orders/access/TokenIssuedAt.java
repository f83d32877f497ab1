package pe.telco.orders.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses a bearer token issued in the future (beyond {@code orders.access.token-issued-at-skew}): SmallRye JWT
 * checks expiry and age but not that, and such a token would outlive its issuer's intended lifetime.
 */
@ApplicationScoped
public class TokenIssuedAt implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenIssuedAt.class);

    private final AccessConfig config;
    private final Clock clock = Clock.systemUTC();

    public TokenIssuedAt(AccessConfig config) {
        this.config = config;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getIssuedAtTime() > 0) {
            Instant issued = Instant.ofEpochSecond(token.getIssuedAtTime());
            Instant latest = clock.instant().plus(config.tokenIssuedAtSkew());
            if (issued.isAfter(latest)) {
                LOG.infof("Refused a token of %s issued at %s, in the future", token.getName(), issued);
                return Uni.createFrom().failure(new AuthenticationFailedException("token issued in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
