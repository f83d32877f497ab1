package pe.telco.orders.events;

import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Where the relay's Kafka channel leads while {@code kafka.bootstrap.servers} is unset: nowhere. It refuses every
 * message, so nothing sent here could be taken for published (KafkaDestination sends nothing in that state anyway).
 * Attaching the channel to it, rather than disabling it, keeps the emitter injectable and the wiring complete.
 */
@ApplicationScoped
@Connector(KafkaUnconfiguredConnector.NAME)
public class KafkaUnconfiguredConnector implements OutboundConnector {

    static final String NAME = "kafka-unconfigured";

    @Override
    public Flow.Subscriber<Message<?>> getSubscriber(Config config) {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                message.nack(new IllegalStateException("Kafka is not configured (kafka.bootstrap.servers)"));
            }

            @Override
            public void onError(Throwable failure) {
                // the emitter failed: nothing was waiting here
            }

            @Override
            public void onComplete() {
                // the service stops
            }
        };
    }
}
