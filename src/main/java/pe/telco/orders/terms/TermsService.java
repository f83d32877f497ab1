package pe.telco.orders.terms;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;

/** Publishes terms and conditions and says which version is in effect on a day. */
@ApplicationScoped
public class TermsService {

    private final TermsRepository terms;
    private final OperatorTime time;

    TermsService(TermsRepository terms, OperatorTime time) {
        this.terms = terms;
        this.time = time;
    }

    /** Creates or replaces a version. */
    @Transactional
    public Terms publish(String version, TermsRequest request) {
        Terms published = terms.findByIdOptional(version).orElseGet(() -> new Terms(version));
        published.publish(request.effectiveFrom(), request.url());
        terms.persist(published);
        return published;
    }

    @Transactional
    public Terms get(String version) {
        return terms.findByIdOptional(version).orElseThrow(() -> new NotFound("Terms version", version));
    }

    /** Every version, the latest start first. */
    @Transactional
    public Page<Terms> list(int page, int size) {
        Page.validate(page, size);
        var query = terms.findAll(Sort.descending("effectiveFrom", "version")).page(page, size);
        return new Page<>(query.list(), page, size, query.count());
    }

    /** The version in effect on the day: the latest whose start is on or before it. */
    @Transactional
    public Optional<Terms> inEffectOn(LocalDate day) {
        return terms.findInEffectOn(day);
    }

    /** The version customers accept on the day, if any is in effect. */
    public Optional<String> currentVersion(LocalDate day) {
        return inEffectOn(day).map(Terms::getVersion);
    }

    /** The version in effect today in Lima, or {@link NotFound}. */
    public Terms current() {
        LocalDate today = time.now().toLocalDate();
        return inEffectOn(today).orElseThrow(() -> new NotFound("Terms version in effect on", today));
    }
}
