package pe.telco.orders.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.ReferenceCache;
import pe.telco.orders.common.ReferenceChanges;

/** Keeps the coverage map: which technologies reach each postal code, and how fast. */
@ApplicationScoped
public class CoverageService {

    /** The name other instances hear when the coverage map changes. */
    static final String CACHE = "coverage";

    private final CoverageRepository coverage;
    private final ReferenceChanges changes;
    /** The whole map by postal code, technologies in order: read on every order with a service, rarely changed. */
    private final ReferenceCache<Map<String, List<Coverage>>> map;

    CoverageService(CoverageRepository coverage, ReferenceChanges changes) {
        this.coverage = coverage;
        this.changes = changes;
        this.map = changes.cache(CACHE);
    }

    /** Replaces everything known at the postal code with this list (an empty list clears it). */
    @Transactional
    public List<Coverage> replace(String postalCode, CoverageRequest request) {
        checkNoDuplicates(request.technologies());
        changes.changed(CACHE);
        coverage.lockPostalCode(postalCode);
        coverage.deleteAt(postalCode);
        request.technologies().forEach(t ->
                coverage.persist(new Coverage(postalCode, t.technology(), t.maxDownloadMbps())));
        return coverage.findAt(postalCode);
    }

    /** What is available at the postal code, ordered by technology; empty where nothing is known. */
    public List<Coverage> availableAt(String postalCode) {
        return map.get(() -> coverage.listAll().stream()
                .sorted(java.util.Comparator.comparing(Coverage::getTechnology))
                .collect(Collectors.groupingBy(Coverage::getPostalCode, Collectors.toUnmodifiableList())))
                .getOrDefault(postalCode, List.of());
    }

    /** The best download speed of this technology at the postal code, if it is available there. */
    @Transactional
    public Optional<Integer> maxDownloadMbps(String postalCode, Technology technology) {
        return coverage.findByIdOptional(new Coverage.Key(postalCode, technology))
                .map(Coverage::getMaxDownloadMbps);
    }

    private static void checkNoDuplicates(List<CoverageRequest.Available> technologies) {
        Set<Technology> seen = EnumSet.noneOf(Technology.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < technologies.size(); i++) {
            if (!seen.add(technologies.get(i).technology())) {
                errors.add(new FieldError("technologies[" + i + "].technology", "appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
