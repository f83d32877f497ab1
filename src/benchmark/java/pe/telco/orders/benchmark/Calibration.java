package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The same single-thread CPU task timed at the start and at the end of a run (30 million pseudo-random reads and
 * writes of a 4 MiB array: integer arithmetic and cache misses, as general code has, no allocation; median of 5 after
 * 3 untimed): a load average says nothing about a virtual machine whose host is busy, and such a host makes every
 * figure of the run low. Comparing the medians of two runs, or the start and end of one, shows it.
 *
 * <p>{@code Calibration <calibration.json> start|end}: adds that moment's figures to the file.
 */
public final class Calibration {

    private static final int STEPS = 30_000_000;

    private Calibration() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String moment = args[1];
        for (int i = 0; i < 3; i++) {
            time();
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = time();
        }
        Arrays.sort(ms);
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        ObjectNode figures = all.putObject(moment);
        figures.put("medianMs", Load.round(ms[ms.length / 2], 1));
        figures.put("minMs", Load.round(ms[0], 1));
        figures.put("maxMs", Load.round(ms[ms.length - 1], 1));
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
        System.out.printf(java.util.Locale.ROOT, "  CPU calibration (%s): %.1f ms (median of 5, %.1f to %.1f)%n",
                moment, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }

    private static double time() {
        long start = System.nanoTime();
        int[] array = new int[1 << 20];
        long x = 17;
        long sum = 0;
        for (int i = 0; i < STEPS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L; // Knuth's MMIX linear congruential step
            int j = (int) (x >>> 44) & (array.length - 1);
            array[j] += i;
            sum += array[(j * 31) & (array.length - 1)];
        }
        if (sum == 42) { // keeps the loop from being optimised away
            System.out.println();
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
