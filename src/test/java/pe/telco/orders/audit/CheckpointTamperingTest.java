package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/**
 * Someone with the schema owner's password gets past the triggers and rewrites the record so that the chain in the
 * database is self-consistent again (re-sealed with the service's own digest), or cuts its tail; or someone edits a
 * checkpoint file. Each is reported against the signed checkpoints, naming the first one that disagrees. Every test
 * puts back exactly what it changed and sees the record valid again.
 */
@QuarkusTest
@TestProfile(CheckpointTamperProfile.class)
class CheckpointTamperingTest {

    private static final String[] TABLES = {"evaluation", "rule_firing", "evaluation_seal"};

    @Inject
    CheckpointService checkpoints;

    @Inject
    AuditConfig config;

    private AuditFixture orders;
    private Checkpoint covering;

    /** Three sealed evaluations (released, rejected, held), then a checkpoint that covers them. */
    @BeforeEach
    void sealedAndCheckpointed() throws Exception {
        orders = AuditFixture.threeDecisions();
        for (long order : orders.orders()) {
            AppendOnlyRecordTest.awaitSeal(AuditFixture.evaluationOf(order));
        }
        covering = checkpoints.checkpointNow().orElseThrow();
        assertThat(covering.seq()).isEqualTo(sealOf(AuditFixture.evaluationOf(orders.held)).seq());
        given().get("/api/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("lastCheckpoint.number", equalTo((int) covering.number()))
                .body("notYetCheckpointed", equalTo(0));
    }

    @Test
    void aRejectionTurnedIntoAReleaseAndResealedByTheOwnerBreaksTheSignedCheckpoint() throws Exception {
        long rejected = AuditFixture.evaluationOf(orders.rejected);
        List<Seal> original = sealsFrom(sealOf(rejected).seq());
        try (Connection owner = OwnerConnection.open()) {
            tamper(owner, s -> {
                s.execute("update evaluation set decision = 'RELEASED' where id = " + rejected);
                reseal(owner, original);
            });
            try {
                given().get("/api/audit/verification").then().statusCode(200)
                        .body("firstBroken", nullValue()) // the chain in the database is self-consistent again
                        .body("valid", equalTo(false))
                        .body("firstBrokenCheckpoint.number", equalTo((int) covering.number()))
                        .body("firstBrokenCheckpoint.seq", equalTo((int) covering.seq()))
                        .body("firstBrokenCheckpoint.reason", containsString("rewritten"));
            } finally {
                tamper(owner, s -> {
                    s.execute("update evaluation set decision = 'REJECTED' where id = " + rejected);
                    restoreSeals(owner, original);
                });
            }
        }
        given().get("/api/audit/verification").then().body("valid", equalTo(true));
    }

    @Test
    void theNewestEvaluationDeletedWithItsFiringsAndSealBreaksTheCheckpointThatCoveredIt() throws Exception {
        long newest = AuditFixture.evaluationOf(orders.held);
        try (Connection owner = OwnerConnection.open()) {
            tamper(owner, s -> {
                for (String table : TABLES) {
                    s.execute("create temp table saved_" + table + " as select * from " + table + " where "
                            + (table.equals("evaluation") ? "id" : "evaluation_id") + " = " + newest);
                }
                s.execute("delete from evaluation_seal where evaluation_id = " + newest);
                s.execute("delete from rule_firing where evaluation_id = " + newest);
                s.execute("delete from evaluation where id = " + newest);
            });
            try {
                given().get("/api/audit/verification").then().statusCode(200)
                        .body("firstBroken", nullValue())
                        .body("valid", equalTo(false))
                        .body("firstBrokenCheckpoint.number", equalTo((int) covering.number()))
                        .body("firstBrokenCheckpoint.reason", containsString("cut"));
            } finally {
                // one transaction: the sealer never sees the evaluation back without its seal
                tamper(owner, s -> {
                    for (String table : TABLES) {
                        s.execute("insert into " + table + " select * from saved_" + table);
                        s.execute("drop table saved_" + table);
                    }
                });
            }
        }
        given().get("/api/audit/verification").then().body("valid", equalTo(true));
    }

    @Test
    void anEditedCheckpointFileIsReported() throws Exception {
        Path file = Path.of(config.checkpoints().directory()).resolve("checkpoint-%012d.json"
                .formatted(covering.number()));
        String signed = Files.readString(file);
        assertThat(signed).contains("\"sealedCount\":" + covering.sealedCount());
        Files.writeString(file, signed.replace("\"sealedCount\":" + covering.sealedCount(),
                "\"sealedCount\":" + (covering.sealedCount() - 1)));
        try {
            given().get("/api/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken", nullValue())
                    .body("firstBrokenCheckpoint.number", equalTo((int) covering.number()))
                    .body("firstBrokenCheckpoint.location", equalTo(file.getFileName().toString()))
                    .body("firstBrokenCheckpoint.reason", containsString("signature does not verify"));
        } finally {
            Files.writeString(file, signed);
        }
        given().get("/api/audit/verification").then().body("valid", equalTo(true));
    }

    @Test
    void aCheckpointFileDeletedBeforeALaterOneIsReportedAsMissing() throws Exception {
        AppendOnlyRecordTest.awaitSeal(AuditFixture.evaluationOf(orders.evaluated(Shop.fibreOrder(orders.dni, "15046"))));
        Checkpoint later = checkpoints.checkpointNow().orElseThrow();
        Path file = Path.of(config.checkpoints().directory()).resolve("checkpoint-%012d.json"
                .formatted(covering.number()));
        Path aside = file.resolveSibling("deleted-" + file.getFileName());
        Files.move(file, aside);
        try {
            given().get("/api/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenCheckpoint.number", equalTo((int) later.number()))
                    .body("firstBrokenCheckpoint.reason", containsString("Checkpoint " + covering.number()
                            + " is missing"));
        } finally {
            Files.move(aside, file);
        }
        given().get("/api/audit/verification").then().body("valid", equalTo(true));
    }

    private record Seal(long seq, long evaluationId, String prevHash, String hash) {
    }

    private interface Change {
        void apply(Statement s) throws Exception;
    }

    /** What an attacker with the owner's password can do: switch the append-only triggers off, change, switch on. */
    private static void tamper(Connection owner, Change change) throws Exception {
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            for (String table : TABLES) {
                s.execute("alter table " + table + " disable trigger user");
            }
            change.apply(s);
            for (String table : TABLES) {
                s.execute("alter table " + table + " enable trigger user");
            }
            owner.commit();
        } catch (Exception e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(true);
        }
    }

    /** Recomputes the seals from the first given one to the head with the service's own digest code. */
    private static void reseal(Connection owner, List<Seal> seals) throws SQLException {
        String prev = seals.get(0).prevHash();
        try (PreparedStatement update = owner.prepareStatement(
                "update evaluation_seal set prev_hash = ?, hash = ? where seq = ?")) {
            for (Seal seal : seals) {
                Map<Long, ObjectNode> documents = EvaluationDigest.documents(owner, List.of(seal.evaluationId()));
                String hash = EvaluationDigest.hash(documents.get(seal.evaluationId()), prev);
                update.setString(1, prev);
                update.setString(2, hash);
                update.setLong(3, seal.seq());
                update.executeUpdate();
                prev = hash;
            }
        }
        assertThat(prev).as("the head's hash after re-sealing").isNotEqualTo(seals.get(seals.size() - 1).hash());
    }

    private static void restoreSeals(Connection owner, List<Seal> seals) throws SQLException {
        try (PreparedStatement update = owner.prepareStatement(
                "update evaluation_seal set prev_hash = ?, hash = ? where seq = ?")) {
            for (Seal seal : seals) {
                update.setString(1, seal.prevHash());
                update.setString(2, seal.hash());
                update.setLong(3, seal.seq());
                update.executeUpdate();
            }
        }
    }

    private static Seal sealOf(long evaluation) throws SQLException {
        try (Connection owner = OwnerConnection.open(); Statement s = owner.createStatement();
                ResultSet rs = s.executeQuery("select seq, evaluation_id, prev_hash, hash from evaluation_seal"
                        + " where evaluation_id = " + evaluation)) {
            assertThat(rs.next()).as("seal of evaluation %d", evaluation).isTrue();
            return new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
        }
    }

    private static List<Seal> sealsFrom(long seq) throws SQLException {
        List<Seal> seals = new ArrayList<>();
        try (Connection owner = OwnerConnection.open(); Statement s = owner.createStatement();
                ResultSet rs = s.executeQuery("select seq, evaluation_id, prev_hash, hash from evaluation_seal"
                        + " where seq >= " + seq + " order by seq")) {
            while (rs.next()) {
                seals.add(new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return seals;
    }
}
