package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Eventually;

/**
 * The sealing instance signs checkpoints of the chain head by itself, into files outside the database that verify
 * with the published public key alone; its private key is readable by its owner only.
 */
@QuarkusTest
class SignedCheckpointTest {

    @Inject
    AuditConfig config;

    @Test
    void aSealedEvaluationIsCoveredByASignedCheckpointWithinSeconds() throws Exception {
        long evaluation = AppendOnlyRecordTest.sealedEvaluation();
        long seq = seqOf(evaluation);

        Response verification = awaitCheckpointCovering(seq);

        verification.then().body("valid", equalTo(true)).body("firstBrokenCheckpoint", equalTo(null));
        long number = ((Number) verification.path("lastCheckpoint.number")).longValue();
        Path dir = Path.of(config.checkpoints().directory());
        Checkpoint checkpoint = Checkpoint.parse(Files.readString(dir.resolve("checkpoint-%012d.json".formatted(number))));
        assertThat(checkpoint.seq()).isGreaterThanOrEqualTo(seq);
        assertThat(CheckpointKeys.verify(CheckpointKeys.parsePublic(Files.readString(dir.resolve("public-key.pem"))),
                checkpoint.signedText(), checkpoint.signature())).as("signature with the published key").isTrue();
        assertThat(Files.getPosixFilePermissions(Path.of(config.checkpoints().signingKey().orElseThrow())))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Path.of(config.checkpoints().signingKey().get()).toAbsolutePath().startsWith(dir.toAbsolutePath()))
                .as("the private key is never published with the checkpoints").isFalse();
    }

    /** Polls the verification (bounded) until its last checkpoint names this seal or a later one. */
    private static Response awaitCheckpointCovering(long seq) {
        return Eventually.within(Duration.ofSeconds(30), "covered by a checkpoint: seal " + seq, () -> {
            Response response = given().get("/api/audit/verification");
            response.then().statusCode(200);
            return response;
        }, response -> {
            Number covered = response.path("lastCheckpoint.seq");
            return covered != null && covered.longValue() >= seq;
        });
    }

    private static long seqOf(long evaluation) throws Exception {
        try (Connection c = OwnerConnection.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select seq from evaluation_seal where evaluation_id = " + evaluation)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
