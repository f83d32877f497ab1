package pe.telco.orders.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the service's JFR recording (jdk.ExecutionSample): where the CPU went, by the layer a sample is in (a sample
 * counts for every layer on its stack) and by the hottest methods on top of the stack.
 */
final class HotFrames {

    /** Layers by package prefix, most specific first for the own-code layers. */
    static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("pe.telco.orders.evaluation.FactsGatherer", "fact gathering (FactsGatherer)");
        LAYERS.put("pe.telco.orders.engine.OrderEvaluator", "rules (OrderEvaluator, Drools session)");
        LAYERS.put("pe.telco.orders.engine.FactsSnapshot", "facts JSON for the audit record");
        LAYERS.put("pe.telco.orders.order.OrderDraftValidator", "order validation");
        LAYERS.put("org.hibernate.", "Hibernate ORM");
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("io.agroal.", "connection pool (Agroal)");
        LAYERS.put("com.arjuna.", "transactions (Narayana)");
        LAYERS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        LAYERS.put("io.netty.", "HTTP I/O (Netty)");
        LAYERS.put("io.vertx.", "HTTP (Vert.x)");
        LAYERS.put("org.drools.", "Drools");
        LAYERS.put("io.micrometer.", "metrics (Micrometer)");
        LAYERS.put("org.jboss.logmanager.", "logging");
    }

    record Profile(long samples, Map<String, Long> byLayer, Map<String, Long> topFrames) {
    }

    private HotFrames() {
    }

    static Profile read(Path recording) throws IOException {
        long samples = 0;
        Map<String, Long> byLayer = new LinkedHashMap<>();
        LAYERS.values().forEach(l -> byLayer.put(l, 0L));
        Map<String, Long> top = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame leaf = frames.get(0);
            top.merge(leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName(), 1L, Long::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                    if (type.startsWith(layer.getKey()) && seen.add(layer.getValue())) {
                        byLayer.merge(layer.getValue(), 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> hottest = top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
        Map<String, Long> layers = byLayer.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new Profile(samples, layers, hottest);
    }
}
