package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

/**
 * The same single-thread CPU task timed at the start and at the end of a run (SHA-256 over 128 MiB, median of 5
 * after 3 untimed): a load average says nothing about a virtual machine whose host is busy, and such a host makes
 * every figure of the run low. Comparing the medians of two runs, or the start and end of one, shows it.
 *
 * <p>{@code Calibration <calibration.json> start|end}: adds that moment's figures to the file.
 */
public final class Calibration {

    private static final int BLOCKS = 128;

    private Calibration() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String moment = args[1];
        byte[] block = new byte[1 << 20];
        new Random(17).nextBytes(block);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 3; i++) {
            hash(sha, block);
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = hash(sha, block);
        }
        Arrays.sort(ms);
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        ObjectNode figures = all.putObject(moment);
        figures.put("medianMs", Load.round(ms[ms.length / 2], 1));
        figures.put("minMs", Load.round(ms[0], 1));
        figures.put("maxMs", Load.round(ms[ms.length - 1], 1));
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
        System.out.printf(java.util.Locale.ROOT, "  CPU calibration (%s): SHA-256 of %d MiB in %.1f ms (median of 5, "
                + "%.1f to %.1f)%n", moment, BLOCKS, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }

    private static double hash(MessageDigest sha, byte[] block) {
        long start = System.nanoTime();
        for (int i = 0; i < BLOCKS; i++) {
            sha.update(block);
        }
        sha.digest();
        return (System.nanoTime() - start) / 1e6;
    }
}
