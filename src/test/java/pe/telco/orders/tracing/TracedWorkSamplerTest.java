package pe.telco.orders.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which spans are recorded: a request's trace and its SQL are; SQL run on its own is not; the ratio decides roots. */
class TracedWorkSamplerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final Attributes SQL = Attributes.of(TracedWorkSampler.DB_SYSTEM, "postgresql");

    @Test
    void aRequestIsRecordedWithItsSql() {
        TracedWorkSampler all = withRatio(1.0);
        assertThat(decide(all, Context.root(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(all, inside(true), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void sqlOutsideAnyTracedWorkIsNotRecorded() {
        TracedWorkSampler all = withRatio(1.0);
        assertThat(decide(all, Context.root(), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(all, Context.root(), SpanKind.CLIENT,
                Attributes.of(TracedWorkSampler.DB_SYSTEM_NAME, "postgresql"))).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(all, Context.root(), SpanKind.INTERNAL, Attributes.empty()))
                .as("a relay round starts a trace").isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void theRatioDecidesAtTheRootAndTheTraceFollows() {
        TracedWorkSampler none = withRatio(0.0);
        assertThat(decide(none, Context.root(), SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(none, inside(true), SpanKind.CLIENT, SQL))
                .as("a trace sampled upstream stays sampled").isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(withRatio(1.0), inside(false), SpanKind.INTERNAL, Attributes.empty()))
                .as("a trace not sampled upstream stays unsampled").isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void aRatioOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> withRatio(1.5)).hasMessageContaining("orders.tracing.sample-ratio");
        assertThatThrownBy(() -> withRatio(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutARatioTracesAreRecordedOnlyWhenACollectorIsConfigured() {
        Optional<Double> unset = Optional.empty();
        assertThat(decide(new TracedWorkSampler(unset, Optional.empty(), Optional.empty()), Context.root(),
                SpanKind.SERVER, Attributes.empty())).as("no collector").isEqualTo(SamplingDecision.DROP);
        assertThat(decide(new TracedWorkSampler(unset, Optional.of(UnconfiguredCollector.DEFAULT), Optional.empty()),
                Context.root(), SpanKind.SERVER, Attributes.empty())).as("Quarkus' default, nobody there")
                .isEqualTo(SamplingDecision.DROP);
        assertThat(decide(new TracedWorkSampler(unset, Optional.empty(), Optional.of("http://otel-collector:4317")),
                Context.root(), SpanKind.SERVER, Attributes.empty())).as("a collector for traces")
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(new TracedWorkSampler(unset, Optional.of("http://otel-collector:4317"), Optional.empty()),
                inside(false), SpanKind.INTERNAL, Attributes.empty())).as("unsampled upstream stays unsampled")
                .isEqualTo(SamplingDecision.DROP);
    }

    private static TracedWorkSampler withRatio(double ratio) {
        return new TracedWorkSampler(Optional.of(ratio), Optional.empty(), Optional.empty());
    }

    private static SamplingDecision decide(TracedWorkSampler sampler, Context parent, SpanKind kind,
            Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    private static Context inside(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE, "b7ad6b7169203331",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }
}
