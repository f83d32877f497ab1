package pe.telco.orders.events;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.AbstractConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Leads the relay's Messaging channel to Kafka only when {@code kafka.bootstrap.servers} is set: otherwise it
 * attaches it to {@link KafkaUnconfiguredConnector}, so SmallRye Messaging creates no Kafka sink, no producer and no
 * connection (the smallrye-kafka connector would otherwise try localhost:9092). No configuration expression can turn
 * "is this property set" into a connector name, hence a config source. Disabling the channel instead
 * ({@code enabled=false}) leaves its emitter unconnected: SmallRye warns at every start and cannot inject it.
 */
public class KafkaChannelConfigSourceFactory implements ConfigSourceFactory {

    static final String SERVERS = "kafka.bootstrap.servers";
    private static final String BUILD_SOURCE = "PropertiesConfigSource[source=Build system]";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getConfigSources().stream().anyMatch(source -> BUILD_SOURCE.equals(source.getName()))) {
            return List.of(); // the build decides nothing about where the channels lead at runtime
        }
        ConfigValue servers = context.getValue(SERVERS);
        if (servers != null && servers.getValue() != null && !servers.getValue().isBlank()) {
            return List.of(); // application.properties: smallrye-kafka
        }
        // Quarkus reads mp.messaging.outgoing.* as quarkus.messaging.outgoing.*: answer both names
        String channel = KafkaDestination.CHANNEL;
        return List.of(new Unconfigured(Map.of(connector(channel), KafkaUnconfiguredConnector.NAME,
                "quarkus.messaging.outgoing." + channel + ".connector", KafkaUnconfiguredConnector.NAME)));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    /** The connector attribute of a channel, as SmallRye Messaging names it. */
    static String connector(String channel) {
        return "mp.messaging.outgoing." + channel + ".connector";
    }

    /** Answers only the channel's connector attribute, and lists no names (nothing for the build to read). */
    private static final class Unconfigured extends AbstractConfigSource {

        private final Map<String, String> values;

        Unconfigured(Map<String, String> values) {
            super("KafkaChannelConfigSource", 275); // above application.properties (250), below env and -D
            this.values = values;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }
    }
}
