package pe.telco.orders.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throwaway data directories under target/ (never under zonky's own working directory, which it prunes). */
final class DataDirectories {

    private static final Path ROOT = Path.of("target", "embedded-db-tests");

    private DataDirectories() {
    }

    static Path create(String scenario) throws IOException {
        Files.createDirectories(ROOT);
        return Files.createTempDirectory(ROOT, scenario + "-").toAbsolutePath();
    }

    static void delete(Path directory) throws IOException {
        if (directory == null) {
            return;
        }
        Files.deleteIfExists(DatabaseCredentials.file(directory));
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        Files.deleteIfExists(directory.resolveSibling(directory.getFileName() + "-child.log"));
    }
}
