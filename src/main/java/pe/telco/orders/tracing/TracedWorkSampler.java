package pe.telco.orders.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are recorded (and exported): a share of them ({@code orders.tracing.sample-ratio}: all of them when a
 * collector is configured, none when {@link UnconfiguredCollector} would only drop them: recording a span's
 * attributes, events and timings for nothing is work on every request and every SQL statement), decided once at the
 * root and followed by every span beneath (a caller's sampled flag is followed too), but never SQL that runs outside
 * any traced work: the sealer, the checkpoint writer, the ruleset check and an idle relay poll
 * several times a second would otherwise each be a one-span trace of its own. Unrecorded traces still have their id
 * (header, stored evaluation, logs).
 */
@Singleton // asked for every span: no client proxy in between
public class TracedWorkSampler implements Sampler {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private final Sampler sampler;

    public TracedWorkSampler(@ConfigProperty(name = "orders.tracing.sample-ratio") Optional<Double> configured,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> tracesEndpoint) {
        boolean collector = Stream.of(endpoint, tracesEndpoint).flatMap(Optional::stream)
                .anyMatch(e -> !e.isBlank() && !e.equals(UnconfiguredCollector.DEFAULT));
        double ratio = configured.orElse(collector ? 1.0 : 0.0);
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("orders.tracing.sample-ratio must be between 0 and 1, not " + ratio);
        }
        this.sampler = Sampler.parentBased(new RootSampler(Sampler.traceIdRatioBased(ratio)));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "TracedWorkSampler{" + sampler.getDescription() + "}";
    }

    /** Decides a trace's first span: SQL on its own is dropped, everything else by the ratio. */
    static final class RootSampler implements Sampler {

        private final Sampler share;

        RootSampler(Sampler share) {
            this.share = share;
        }

        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            boolean sqlAlone = spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()
                    && (attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null);
            return sqlAlone ? SamplingResult.drop()
                    : share.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        }

        @Override
        public String getDescription() {
            return "NoSqlAlone{" + share.getDescription() + "}";
        }
    }
}
