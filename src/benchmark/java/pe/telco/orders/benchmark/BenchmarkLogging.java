package pe.telco.orders.benchmark;

import java.util.logging.Level;

/**
 * Logging as the service runs it. Outside Quarkus, JBoss LogManager (on the classpath for POI and Drools) starts
 * with every level enabled and buffers each record, so Drools' per-tuple TRACE messages would be formatted and kept
 * on every evaluation: a benchmark artefact that costs more than the rules themselves.
 */
final class BenchmarkLogging {

    private BenchmarkLogging() {
    }

    static void asInTheService() {
        org.jboss.logmanager.Logger.getLogger("").setLevel(Level.WARNING);
    }
}
