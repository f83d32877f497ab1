package pe.telco.orders.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The development key pair's private half is in the repository, so the production jar must not trust its public
 * half: no key file among the packaged resources, and only the dev and test profiles point at one.
 */
class DevelopmentKeyIsNotPackagedTest {

    @Test
    void noKeyFileIsAmongThePackagedResources() throws IOException {
        assertThat(keyFiles(Path.of("src/main/resources"))).isEmpty();
        assertThat(keyFiles(Path.of("target/classes")))
                .as("what the jar is built from (a stale copy from an earlier build goes with ./mvnw clean)").isEmpty();
        Path app = Path.of("target/quarkus-app/app");
        if (Files.isDirectory(app)) {
            assertThat(keyFiles(app)).isEmpty();
        }
    }

    @Test
    void devModeReadsTheKeyFromOutsideTheClassPath() throws IOException {
        List<String> config = Files.readAllLines(Path.of("src/main/resources/application.properties"));

        assertThat(config).filteredOn(line -> line.contains("mp.jwt.verify.publickey.location"))
                .allMatch(line -> line.startsWith("%dev.") || line.startsWith("%test.") || line.startsWith("#"))
                .anyMatch(line -> line.equals(
                        "%dev.mp.jwt.verify.publickey.location=file:config/dev-jwt/dev-publicKey.pem"));
        assertThat(Path.of("config/dev-jwt/dev-publicKey.pem")).isRegularFile();
    }

    private static List<Path> keyFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> {
                String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return name.endsWith(".pem") || name.endsWith(".jwk") || name.endsWith(".jwks") || name.endsWith(".key");
            }).toList();
        }
    }
}
