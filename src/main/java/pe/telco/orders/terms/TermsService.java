package pe.telco.orders.terms;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.ReferenceCache;
import pe.telco.orders.common.ReferenceChanges;

/** Publishes terms and conditions and says which version is in effect on a day. */
@ApplicationScoped
public class TermsService {

    /** The name other instances hear when terms are published. */
    static final String CACHE = "terms";

    private final TermsRepository terms;
    private final OperatorTime time;
    private final ReferenceChanges changes;
    /** Every version, latest start first: asked on every order, published a few times a year. */
    private final ReferenceCache<List<Terms>> versions;

    TermsService(TermsRepository terms, OperatorTime time, ReferenceChanges changes) {
        this.terms = terms;
        this.time = time;
        this.changes = changes;
        this.versions = changes.cache(CACHE);
    }

    /** Creates or replaces a version. */
    @Transactional
    public Terms publish(String version, TermsRequest request) {
        Terms published = terms.findByIdOptional(version).orElseGet(() -> new Terms(version));
        published.publish(request.effectiveFrom(), request.url());
        terms.persist(published);
        changes.changed(CACHE);
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
    public Optional<Terms> inEffectOn(LocalDate day) {
        return versions.get(() -> terms.listAll().stream()
                        .sorted(Comparator.comparing(Terms::getEffectiveFrom).thenComparing(Terms::getVersion).reversed())
                        .toList())
                .stream().filter(t -> !t.getEffectiveFrom().isAfter(day)).findFirst();
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
