package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import pe.telco.orders.common.TooBusy;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.whatif.WhatIfRun;

/**
 * Runs {@link CandidateChecks} in a child JVM: no environment (so no database credentials or other secrets), no
 * arguments but the class path and two file names, a temporary working directory, a heap limit and a time limit.
 * A candidate that exits, hangs or runs out of memory becomes a 422 in plain words; the child and anything it
 * started are always ended. At most {@code orders.rules.sandbox.concurrent} run at once per instance (then 429).
 */
@ApplicationScoped
public class CandidateSandbox {

    private static final Logger LOG = Logger.getLogger(CandidateSandbox.class);

    private final RulesConfig.Sandbox config;
    private final Semaphore slots;
    private final ObjectMapper json = SandboxMain.mapper();
    private volatile String classPath;

    public CandidateSandbox(RulesConfig config) {
        this.config = config.sandbox();
        this.slots = new Semaphore(Math.max(1, this.config.concurrent()));
    }

    /** The checks' result, or a {@link RulesetInvalid} saying in plain words why the sandbox gave none. */
    public CandidateChecks.Result check(CandidateChecks.Request request) {
        return check(request, config.heap(), config.timeout().toMillis());
    }

    /** As {@link #check(CandidateChecks.Request)} with explicit limits (tests use tiny ones). */
    public CandidateChecks.Result check(CandidateChecks.Request request, String heap, long timeoutMillis) {
        return once(request, CandidateChecks.Result.class, heap, timeoutMillis);
    }

    /** A what-if decided by versions that never were live (candidates), in one sandbox run; 429 when none is free. */
    public WhatIfRun.SandboxAnswer whatIf(WhatIfRun.SandboxRequest request) {
        return once(request, WhatIfRun.SandboxAnswer.class, config.heap(), config.timeout().toMillis());
    }

    private <T> T once(Object request, Class<T> answer, String heap, long timeoutMillis) {
        if (!slots.tryAcquire()) {
            throw new TooBusy("Other rule checks are running on this instance; try again in a minute", 30);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("candidate-");
            Path in = work.resolve("request.json");
            Path out = work.resolve("result.json");
            json.writeValue(in.toFile(), request);
            return run(work, in, out, heap, timeoutMillis, answer);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the rule checks", e);
        } finally {
            slots.release();
            delete(work);
        }
    }

    private <T> T run(Path work, Path in, Path out, String heap, long timeoutMillis, Class<T> answer)
            throws IOException {
        ProcessBuilder builder = (answer == WhatIfRun.SandboxAnswer.class
                ? command(work, heap, SandboxMain.WHAT_IF, in.toString(), out.toString())
                : command(work, heap, in.toString(), out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.log").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                throw refused(work, "The checks of these rules took longer than " + (timeoutMillis < 1000
                        ? timeoutMillis + " ms" : timeoutMillis / 1000 + " s") + " and were stopped; nothing was"
                        + " stored. Make the tables smaller or try again later");
            }
            if (process.exitValue() != 0 || !Files.exists(out)) {
                boolean memory = Files.readString(work.resolve("output.log"), StandardCharsets.UTF_8)
                        .contains("OutOfMemoryError");
                throw refused(work, memory
                        ? "The checks of these rules needed more memory than allowed (" + heap + ") and were stopped;"
                                + " nothing was stored. Make the tables smaller"
                        : "The checks of these rules stopped before finishing; nothing was stored");
            }
            LOG.debugf("Sandbox checks took %d ms", (System.nanoTime() - started) / 1_000_000);
            T result = json.readValue(out.toFile(), answer);
            relayProblemDetails(work);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(work, "The checks of these rules were interrupted; nothing was stored");
        } finally {
            end(process);
        }
    }

    /**
     * Starts a sandbox that decides past orders under two versions, page by page (impact previews). It holds one of
     * the instance's sandbox slots until closed; it waits up to the sandbox timeout for a free one.
     */
    public Comparison openComparison(DecisionComparison.Versions versions) {
        try {
            if (!slots.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TooBusy("Other rule checks are running on this instance; try again in a minute", 30);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooBusy("Interrupted while waiting for a free sandbox", 30);
        }
        try {
            return new Comparison(versions, true);
        } catch (RuntimeException | IOException e) {
            slots.release();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /**
     * A comparison sandbox for a shadow run: long-lived, one per instance at most (one shadow at a time), so it takes
     * none of the slots uploads and previews share; it is held to the same heap and per-page time limits.
     */
    public Comparison openShadowComparison(DecisionComparison.Versions versions) {
        try {
            return new Comparison(versions, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running comparison sandbox: one line in per page of past orders, one line out with their comparisons. */
    public final class Comparison implements AutoCloseable {

        private final Path work;
        private final boolean holdsSlot;
        private final Process process;
        private final java.io.BufferedWriter requests;
        private final java.io.BufferedReader answers;
        private final java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors
                .newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "sandbox-answers");
                    t.setDaemon(true);
                    return t;
                });

        private Comparison(DecisionComparison.Versions versions, boolean holdsSlot) throws IOException {
            this.holdsSlot = holdsSlot;
            work = Files.createTempDirectory("compare-");
            process = command(work, config.heap(), "--compare")
                    .redirectError(work.resolve("output.log").toFile()).start();
            requests = new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8));
            answers = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = ask(json.writeValueAsString(versions));
            if (!SandboxMain.READY.equals(ready)) {
                throw refused(work, "The versions could not be compiled in the sandbox");
            }
        }

        /** Each past order of the page decided under both versions. */
        public List<DecisionComparison.Compared> compare(List<DecisionComparison.PastOrder> page) {
            try {
                return json.readValue(ask(json.writeValueAsString(page)),
                        new com.fasterxml.jackson.core.type.TypeReference<>() { });
            } catch (IOException e) {
                throw refused(work, "The sandbox answered something unreadable");
            }
        }

        private String ask(String line) {
            try {
                requests.write(line);
                requests.newLine();
                requests.flush();
                String answer = reader.submit(answers::readLine).get(config.timeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (answer == null) {
                    throw refused(work, memoryOrStop("The sandbox stopped before answering"));
                }
                return answer;
            } catch (java.util.concurrent.TimeoutException e) {
                throw refused(work, "The sandbox took longer than " + config.timeout().toSeconds()
                        + " s for one page of orders and was stopped");
            } catch (IOException | java.util.concurrent.ExecutionException e) {
                throw refused(work, memoryOrStop("The sandbox stopped before answering"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused(work, "Interrupted while waiting for the sandbox");
            }
        }

        private String memoryOrStop(String otherwise) {
            try {
                process.waitFor(2, TimeUnit.SECONDS);
                return Files.readString(work.resolve("output.log"), StandardCharsets.UTF_8)
                        .contains("OutOfMemoryError") ? "The sandbox needed more memory than allowed ("
                        + config.heap() + ")" : otherwise;
            } catch (IOException e) {
                return otherwise;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return otherwise;
            }
        }

        @Override
        public void close() {
            try {
                requests.close();
            } catch (IOException e) {
                // the process is ended below in any case
            }
            end(process);
            reader.shutdownNow();
            delete(work);
            if (holdsSlot) {
                slots.release();
            }
        }
    }

    private ProcessBuilder command(Path work, String heap, String... arguments) throws IOException {
        Path argFile = work.resolve("java.args");
        Files.writeString(argFile, "-cp \"" + classPath().replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Xss2m", "-Djava.io.tmpdir=" + work, "-Djava.awt.headless=true"));
        if (!arguments[0].equals("--compare")) {
            command.add("-XX:TieredStopAtLevel=1"); // one short run: starting fast beats compiling well
        }
        command.addAll(List.of("@" + argFile, SandboxMain.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        return builder;
    }

    /** Ends the child and anything it started, and waits until they are gone. */
    private static void end(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("Sandbox process %d did not end within 10 s of being killed", handle.pid());
            }
        }
    }

    /** The details behind the references that the sandbox's answers give go to this service's log. */
    private static void relayProblemDetails(Path work) throws IOException {
        try (Stream<String> lines = Files.lines(work.resolve("output.log"), StandardCharsets.UTF_8)) {
            lines.filter(line -> line.contains("Ruleset problem")).limit(50)
                    .forEach(line -> LOG.warnf("Sandbox: %s", line.substring(line.indexOf("Ruleset problem"))));
        }
    }

    private static RulesetInvalid refused(Path work, String message) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        String output = "";
        try {
            output = Files.readString(work.resolve("output.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // nothing to add
        }
        LOG.warnf("Sandbox checks refused (reference %s): %s; output: %s", reference, message,
                output.length() > 2000 ? output.substring(output.length() - 2000) : output);
        return new RulesetInvalid(List.of(RuleProblem.inFile("(ruleset)", message + " (reference " + reference
                + ")", "No se pudieron terminar las verificaciones de estas reglas y no se guardó nada; vuelve a"
                + " intentarlo o reduce las tablas (referencia " + reference + ")")));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path of this application as files: every jar the class loader can see (found through the manifests
     * they carry) plus the folders or jars of the classes the checks need, so it works from the packaged service,
     * in dev mode and in tests alike.
     */
    private String classPath() {
        if (classPath == null) {
            Set<String> entries = new LinkedHashSet<>();
            for (Class<?> anchor : List.of(SandboxMain.class, pe.telco.orders.evaluation.facts.OrderFacts.class,
                    pe.telco.orders.common.JsonSettings.class)) {
                java.security.CodeSource source = anchor.getProtectionDomain().getCodeSource();
                entries.add(source == null ? null : location(source.getLocation()));
            }
            try {
                Enumeration<URL> manifests = SandboxMain.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
                for (URL manifest : Collections.list(manifests)) {
                    String url = manifest.toString();
                    if (url.startsWith("jar:file:")) {
                        entries.add(location(new URL(url.substring(4, url.indexOf("!/")))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the application's class path", e);
            }
            entries.removeIf(e -> e == null || !new File(e).exists());
            classPath = String.join(File.pathSeparator, entries);
        }
        return classPath;
    }

    private static String location(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not remove %s: %s", dir, e);
        }
    }
}
