package pe.telco.orders.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: required to seal, created owner-only where allowed, its two halves checked; the sink appends only. */
class CheckpointKeysTest {

    @TempDir
    Path dir;

    @Test
    void aSealingInstanceWithoutAKeyRefusesToStart() {
        assertThatThrownBy(() -> CheckpointKeys.forSigning(config(null, null, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY");
        assertThatThrownBy(() -> CheckpointKeys.forSigning(config(dir.resolve("absent.pem"), dir.resolve("absent.pub"),
                false))).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aGeneratedKeyIsOwnerOnlyAndItsSignaturesVerifyOnlyForWhatWasSigned() throws Exception {
        Path privateKey = dir.resolve("keys/signing.pem");
        CheckpointKeys keys = CheckpointKeys.forSigning(config(privateKey, dir.resolve("keys/signing.pub.pem"), true));

        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String signature = keys.sign("{\"seq\":7}");
        assertThat(CheckpointKeys.verify(keys.publicKey(), "{\"seq\":7}", signature)).isTrue();
        assertThat(CheckpointKeys.verify(keys.publicKey(), "{\"seq\":8}", signature)).isFalse();
        assertThat(CheckpointKeys.forSigning(config(privateKey, dir.resolve("keys/signing.pub.pem"), true))
                .publicKey()).as("the key is reused, not created again").isEqualTo(keys.publicKey());
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysHalfIsRefused() throws Exception {
        CheckpointKeys.forSigning(config(dir.resolve("a.pem"), dir.resolve("a.pub.pem"), true));
        CheckpointKeys.forSigning(config(dir.resolve("b.pem"), dir.resolve("b.pub.pem"), true));

        assertThatThrownBy(() -> CheckpointKeys.forSigning(config(dir.resolve("a.pem"), dir.resolve("b.pub.pem"),
                false))).isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the public key");
    }

    @Test
    void theDirectorySinkNeverReplacesACheckpoint() throws Exception {
        DirectoryCheckpointSink sink = new DirectoryCheckpointSink(dir.resolve("checkpoints"));
        sink.append(1, "first");

        assertThatThrownBy(() -> sink.append(1, "second")).isInstanceOf(CheckpointSink.CheckpointTaken.class);
        assertThat(sink.readAll()).singleElement().satisfies(p -> assertThat(p.content()).isEqualTo("first"));
        assertThat(sink.lastNumber()).isEqualTo(1);
        sink.publishKey("key A");
        assertThatThrownBy(() -> sink.publishKey("key B")).isInstanceOf(IllegalStateException.class);
        assertThat(sink.publishedKey()).contains("key A");
    }

    private static AuditConfig.Checkpoints config(Path privateKey, Path publicKey, boolean generate) {
        return new AuditConfig.Checkpoints() {
            @Override
            public Duration interval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public String directory() {
                return "unused";
            }

            @Override
            public Optional<String> signingKey() {
                return Optional.ofNullable(privateKey).map(Path::toString);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey).map(Path::toString);
            }

            @Override
            public boolean generateKeys() {
                return generate;
            }
        };
    }
}
