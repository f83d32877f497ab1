package pe.telco.orders.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import pe.telco.orders.engine.RuleFile;

/** Ruleset versions and their files. */
@ApplicationScoped
public class RulesetRepository implements PanacheRepositoryBase<RulesetVersion, Integer> {

    public Optional<RulesetVersion> findActive() {
        return find("status", RulesetStatus.ACTIVE).firstResultOptional();
    }

    public int lastVersion() {
        Integer last = getEntityManager().createQuery("select max(r.version) from RulesetVersion r", Integer.class)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    public List<RuleFile> filesOf(int version) {
        return getEntityManager()
                .createQuery("from StoredRuleFile f where f.key.version = ?1 order by f.key.name", StoredRuleFile.class)
                .setParameter(1, version)
                .getResultStream().map(StoredRuleFile::toRuleFile).toList();
    }

    public void storeFile(StoredRuleFile file) {
        getEntityManager().persist(file);
    }

    /** Serialises activations (and version numbering) across instances. */
    public void lockForChange() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(727002)").getSingleResult();
    }

    /** Tells every instance listening on {@code ruleset_activated}, when this transaction commits. */
    public void notifyActivated(int version) {
        getEntityManager().createNativeQuery("select pg_notify('ruleset_activated', ?1)")
                .setParameter(1, String.valueOf(version)).getSingleResult();
    }

    public List<StoredRuleFile> storedFilesOf(int version) {
        return getEntityManager()
                .createQuery("from StoredRuleFile f where f.key.version = ?1 order by f.key.name", StoredRuleFile.class)
                .setParameter(1, version).getResultList();
    }

    /** Serialises the first-start import across instances starting at the same moment. */
    public void lockForImport() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(727001)").getSingleResult();
    }
}
