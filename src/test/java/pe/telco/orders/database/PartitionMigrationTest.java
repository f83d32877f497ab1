package pe.telco.orders.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pe.telco.orders.audit.EvaluationDigest;

/**
 * V13 on a database that already holds a record: a sealed, unpartitioned record of evaluations in two months becomes
 * monthly partitions with the same ids, firings and seals, every seal's hash still matching its evaluation, the id
 * sequence going on where it was, and the record as append-only as before for both roles.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PartitionMigrationTest {

    private Path dataDirectory;
    private EmbeddedDatabase.Connection db;

    @BeforeEach
    void freshDatabase() throws Exception {
        dataDirectory = DataDirectories.create("v13");
        db = EmbeddedDatabase.startOrReuse(new EmbeddedDatabase.Settings(dataDirectory, 0, false));
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        EmbeddedDatabase.stop(dataDirectory);
        DataDirectories.delete(dataDirectory);
    }

    @Test
    void movesASealedRecordIntoMonthlyPartitionsWithItsIdsFiringsAndSeals() throws Exception {
        migrate("12");
        List<Long> ids = new ArrayList<>();
        Map<Long, String> hashes = new java.util.HashMap<>();
        try (Connection owner = Sql.connect(db); Statement s = owner.createStatement()) {
            s.execute("insert into customer (document_type, document_number, name, segment, customer_since)"
                    + " values ('DNI', '45871236', 'Ana', 'RESIDENTIAL', date '2020-01-01')");
            s.execute("insert into ruleset (version, content_hash, status, author, created_at)"
                    + " values (1, 'h', 'ACTIVE', 'a', now())");
            s.execute("insert into orders (order_number, external_id, channel, customer_id, customer_document_type,"
                    + " customer_document_number, customer_name, customer_segment, payment_method, currency, state,"
                    + " created_at, updated_at) select 'O-' || g, 'x' || g, 'WEB', (select min(id) from customer),"
                    + " 'DNI', '45871236', 'Ana', 'RESIDENTIAL', 'ONLINE', 'PEN', 'acknowledged', now(), now()"
                    + " from generate_series(1, 6) g");
            // three evaluations in October, three in November (Lima), each with two firings
            s.execute("insert into evaluation (order_id, order_number, channel, customer_document, decision,"
                    + " ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros, actor, app_version,"
                    + " drools_version) select o.id, o.order_number, 'WEB', 'DNI:45871236', 'RELEASED', 1, 'h',"
                    + " '{\"customer\":{\"documentNumber\":\"45871236\"}}', '[]',"
                    + " timestamptz '2026-10-20 10:00-05' + (o.id % 6) * interval '5 days', 5, 'web', '1', '10'"
                    + " from orders o");
            s.execute("insert into rule_firing (evaluation_id, sequence, rule_id, rule_name)"
                    + " select e.id, k, 'R-' || k, 'R-' || k || ' a rule' from evaluation e, generate_series(1, 2) k");
            try (ResultSet rs = s.executeQuery("select id from evaluation order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            // sealed as the service sealed before V13: one chain in id order here
            var documents = EvaluationDigest.documents(owner, ids, null);
            String prev = EvaluationDigest.GENESIS;
            try (PreparedStatement seal = owner.prepareStatement("insert into evaluation_seal (seq, evaluation_id,"
                    + " evaluation_xid, prev_hash, hash, sealed_at) select ?, id, xid, ?, ?, now() from evaluation"
                    + " where id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    String hash = EvaluationDigest.hash(documents.get(ids.get(i)), prev);
                    seal.setLong(1, i + 1);
                    seal.setString(2, prev);
                    seal.setString(3, hash);
                    seal.setLong(4, ids.get(i));
                    seal.executeUpdate();
                    hashes.put(ids.get(i), hash);
                    prev = hash;
                }
            }
        }

        migrate(null);

        try (Connection owner = Sql.connect(db); Statement s = owner.createStatement()) {
            assertThat(Sql.single(owner, "select count(*) from evaluation")).isEqualTo("6");
            assertThat(Sql.single(owner, "select count(*) from rule_firing")).isEqualTo("12");
            assertThat(Sql.single(owner, "select string_agg(distinct tableoid::regclass::text, ',' order by"
                    + " tableoid::regclass::text) from evaluation")).isEqualTo("evaluation_y2026m10,evaluation_y2026m11");
            assertThat(Sql.single(owner, "select count(*) from rule_firing f join evaluation e"
                    + " on e.id = f.evaluation_id and e.evaluated_at = f.evaluated_at")).isEqualTo("12");
            assertThat(Sql.single(owner, "select count(*) from evaluation_seal s join evaluation e"
                    + " on e.id = s.evaluation_id and e.evaluated_at = s.evaluated_at"
                    + " and s.month = date_trunc('month', e.evaluated_at at time zone 'America/Lima')::date"))
                    .isEqualTo("6");
            assertThat(Sql.single(owner, "select per_month_from_seq from audit_chain_format")).isEqualTo("7");
            // every seal still matches its evaluation, read through the partitions with the time
            List<OffsetDateTime> times = new ArrayList<>();
            for (long id : ids) {
                times.add(OffsetDateTime.parse(Sql.single(owner, "select to_char(evaluated_at at time zone 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from evaluation where id = " + id)));
            }
            var documents = EvaluationDigest.documents(owner, ids, times);
            String prev = EvaluationDigest.GENESIS;
            for (long id : ids) {
                String hash = EvaluationDigest.hash(documents.get(id), prev);
                assertThat(hash).as("seal of evaluation " + id).isEqualTo(hashes.get(id));
                prev = hash;
            }
            // ids go on from where they were; a new month comes from the owner's function
            long next = Long.parseLong(Sql.single(owner, "select nextval('evaluation_id_seq')"));
            assertThat(next).isGreaterThan(ids.get(ids.size() - 1));
            assertThat(Sql.single(owner, "select audit_ensure_month(date '2030-01-01')")).isEqualTo("t");
            assertThat(Sql.single(owner, "select count(*) from pg_class where relname in"
                    + " ('evaluation_y2030m01', 'rule_firing_y2030m01')")).isEqualTo("2");
            // append-only for the owner too, on the parents and on the months
            assertThatThrownBy(() -> s.execute("delete from evaluation_y2026m10"))
                    .hasMessageContaining("evaluation is append-only: DELETE refused");
            assertThatThrownBy(() -> s.execute("truncate rule_firing_y2026m11"))
                    .hasMessageContaining("rule_firing is append-only: TRUNCATE refused");
        }
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.execute("update evaluation set actor = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("delete from rule_firing_y2026m10"))
                    .hasMessageContaining("permission denied");
            assertThat(Sql.single(app, "select audit_ensure_month(date '2030-02-01')")).isEqualTo("t");
            assertThatThrownBy(() -> s.execute("delete from evaluation_y2030m02"))
                    .hasMessageContaining("permission denied");
        }
    }

    private void migrate(String target) throws SQLException {
        var config = Flyway.configure().dataSource(db.jdbcUrl(), db.ownerUsername(), db.ownerPassword())
                .locations("classpath:db/migration").placeholders(Map.of("app_role", db.username()));
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }
}
