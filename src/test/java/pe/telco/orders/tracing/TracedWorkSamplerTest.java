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
import org.junit.jupiter.api.Test;

/** Which spans are recorded: a request's trace and its SQL are; SQL run on its own is not; the ratio decides roots. */
class TracedWorkSamplerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final Attributes SQL = Attributes.of(TracedWorkSampler.DB_SYSTEM, "postgresql");

    @Test
    void aRequestIsRecordedWithItsSql() {
        TracedWorkSampler all = new TracedWorkSampler(1.0);
        assertThat(decide(all, Context.root(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(all, inside(true), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void sqlOutsideAnyTracedWorkIsNotRecorded() {
        TracedWorkSampler all = new TracedWorkSampler(1.0);
        assertThat(decide(all, Context.root(), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(all, Context.root(), SpanKind.CLIENT,
                Attributes.of(TracedWorkSampler.DB_SYSTEM_NAME, "postgresql"))).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(all, Context.root(), SpanKind.INTERNAL, Attributes.empty()))
                .as("a relay round starts a trace").isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void theRatioDecidesAtTheRootAndTheTraceFollows() {
        TracedWorkSampler none = new TracedWorkSampler(0.0);
        assertThat(decide(none, Context.root(), SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(none, inside(true), SpanKind.CLIENT, SQL))
                .as("a trace sampled upstream stays sampled").isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(new TracedWorkSampler(1.0), inside(false), SpanKind.INTERNAL, Attributes.empty()))
                .as("a trace not sampled upstream stays unsampled").isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void aRatioOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new TracedWorkSampler(1.5)).hasMessageContaining("orders.tracing.sample-ratio");
        assertThatThrownBy(() -> new TracedWorkSampler(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
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
