package pe.telco.orders.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints as files in a directory, one JSON file each ({@code checkpoint-000000000042.json}), created with
 * CREATE_NEW and flushed to disk, never overwritten; the public key beside them ({@code public-key.pem}). The service
 * only ever creates files here; keeping them (read-only mounts, chattr +a, WORM storage, shipping copies away) is the
 * operator's part.
 */
final class DirectoryCheckpointSink implements CheckpointSink {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{12})\\.json");
    private static final String KEY_FILE = "public-key.pem";

    private final Path directory;

    DirectoryCheckpointSink(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public void publishKey(String publicKeyPem) throws IOException {
        Optional<String> published = publishedKey();
        if (published.isPresent()) {
            if (!published.get().equals(publicKeyPem)) {
                throw new IllegalStateException("The checkpoint directory " + directory + " holds checkpoints of "
                        + "another signing key (" + KEY_FILE + "); give this key a directory of its own");
            }
            return;
        }
        createNew(directory.resolve(KEY_FILE), publicKeyPem);
    }

    @Override
    public Optional<String> publishedKey() throws IOException {
        Path file = directory.resolve(KEY_FILE);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    @Override
    public void append(long number, String content) throws IOException {
        Path file = directory.resolve("checkpoint-%012d.json".formatted(number));
        try {
            createNew(file, content);
        } catch (FileAlreadyExistsException e) {
            throw new CheckpointTaken("Checkpoint " + number + " already exists in " + directory);
        }
    }

    @Override
    public long lastNumber() throws IOException {
        return names().stream().mapToLong(DirectoryCheckpointSink::numberOf).max().orElse(0);
    }

    @Override
    public List<Published> readAll() throws IOException {
        List<Published> all = new ArrayList<>();
        for (Path file : names()) {
            all.add(new Published(numberOf(file), file.getFileName().toString(), Files.readString(file)));
        }
        all.sort(Comparator.comparingLong(Published::number));
        return all;
    }

    private List<Path> names() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList();
        }
    }

    private static long numberOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a checkpoint file");
        }
        return Long.parseLong(m.group(1));
    }

    /** CREATE_NEW: fails if the file exists, so nothing published is ever replaced; forced to disk before returning. */
    private void createNew(Path file, String content) throws IOException {
        Files.createDirectories(directory);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
