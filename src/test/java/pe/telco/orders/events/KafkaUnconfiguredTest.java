package pe.telco.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup run, without {@code kafka.bootstrap.servers}: the Messaging channel stays disconnected, so no Kafka
 * client exists (none registers its MBean, none runs a network thread), while the relay still publishes every event
 * to its other destinations.
 */
@QuarkusTest
class KafkaUnconfiguredTest {

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void withoutBootstrapServersNoKafkaClientStartsAndEventsAreStillPublished() throws Exception {
        var config = ConfigProvider.getConfig();
        assertThat(config.getOptionalValue(KafkaChannelConfigSourceFactory.SERVERS, String.class)).isEmpty();
        assertThat(config.getValue(KafkaChannelConfigSourceFactory.connector(KafkaDestination.CHANNEL), String.class))
                .isEqualTo(KafkaUnconfiguredConnector.NAME);

        long id = EventsFixture.released();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (EventsFixture.rows(db, id).stream().anyMatch(r -> r.position() == null)) {
            assertThat(System.nanoTime()).as("the order's events are published").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between looks at the outbox
        }

        // every Kafka client registers itself under these JMX domains for as long as it lives
        for (String domain : List.of("kafka.producer", "kafka.admin.client", "kafka.consumer")) {
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(domain + ":*"), null))
                    .as(domain).isEmpty();
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.toLowerCase().contains("kafka"));
    }
}
