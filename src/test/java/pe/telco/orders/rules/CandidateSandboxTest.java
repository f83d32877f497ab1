package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.TooBusy;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.ruleset.sandbox.CandidateChecks;
import pe.telco.orders.ruleset.sandbox.CandidateSandbox;
import pe.telco.orders.support.Eventually;

/**
 * Candidates are checked in a child JVM: it answers with data, it knows no secret, and when it runs out of memory,
 * runs out of time or is killed the caller gets a plain refusal and no process is left behind.
 */
@QuarkusTest
class CandidateSandboxTest {

    @Inject
    CandidateSandbox sandbox;

    private static CandidateChecks.Request realRules() {
        return new CandidateChecks.Request(RealRules.files(), false, List.of(), 2000);
    }

    @AfterEach
    void noSandboxProcessIsLeft() {
        assertThat(sandboxes()).isEmpty();
    }

    @Test
    void theRealRulesPassTheirExamplesInTheSandbox() {
        CandidateChecks.Result result = sandbox.check(realRules());

        assertThat(result.problems()).isEmpty();
        assertThat(result.examples()).hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(e -> assertThat(e.passed()).isTrue());
    }

    @Test
    void aCandidateThatRunsOutOfMemoryIsRefusedInPlainWords() {
        assertThatThrownBy(() -> sandbox.check(realRules(), "24m", 120_000))
                .isInstanceOfSatisfying(RulesetInvalid.class, e -> assertThat(e.problems().get(0).message())
                        .contains("more memory than allowed (24m)").contains("nothing was stored")
                        .doesNotContain("OutOfMemoryError"));
    }

    @Test
    void aCandidateThatTakesTooLongIsStopped() {
        assertThatThrownBy(() -> sandbox.check(realRules(), "512m", 300))
                .isInstanceOfSatisfying(RulesetInvalid.class, e -> assertThat(e.problems().get(0).message())
                        .contains("took longer than"));
    }

    @Test
    void aKilledSandboxIsARefusalAndTheSandboxSeesNoSecret() throws Exception {
        CompletableFuture<CandidateChecks.Result> running =
                CompletableFuture.supplyAsync(() -> sandbox.check(realRules()));
        ProcessHandle child = awaitSandbox();
        String environment = Files.readString(Path.of("/proc", String.valueOf(child.pid()), "environ"));
        String arguments = String.join(" ", child.info().arguments().orElse(new String[0]));
        child.destroyForcibly();

        assertThat(environment).isEmpty();
        assertThat(arguments).doesNotContainIgnoringCase("password").doesNotContain("jdbc:");
        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(RulesetInvalid.class)
                .hasMessageContaining("stopped before finishing");
    }

    @Test
    void moreChecksAtOnceThanAllowedAreAnsweredTooBusy() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CandidateChecks.Result>> two = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return sandbox.check(realRules());
                })).toList();
        go.countDown();
        Eventually.within(Duration.ofSeconds(30), "two sandboxes running", () -> sandboxes().size() >= 2);
        assertThat(sandboxes()).hasSize(2);

        assertThatThrownBy(() -> sandbox.check(realRules())).isInstanceOf(TooBusy.class);
        for (CompletableFuture<CandidateChecks.Result> check : two) {
            assertThat(check.get(120, TimeUnit.SECONDS).problems()).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProcessHandle awaitSandbox() {
        return Eventually.found(Duration.ofSeconds(30), "a sandbox process started",
                () -> sandboxes().stream().findFirst());
    }

    private static List<ProcessHandle> sandboxes() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")
                        .contains("SandboxMain"))
                .toList();
    }
}
