package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pe.telco.orders.common.JsonSettings;
import pe.telco.orders.ruleset.whatif.WhatIfRun;

/**
 * The sandbox process. With two file names it reads a {@link CandidateChecks.Request} from the first, runs the checks
 * and writes the {@link CandidateChecks.Result} to the second. With {@code --compare} it reads
 * {@link DecisionComparison.Versions} as the first line of its input, answers {@code ready}, then answers each line
 * (a page of past orders) with one line of comparisons, until its input ends. With {@code --what-if} and two file
 * names it decides one what-if scenario under the versions given ({@link WhatIfRun}). It starts with no environment, no
 * database credentials and a temporary working directory; the service holds it to a heap and a time limit.
 */
public final class SandboxMain {

    static final String READY = "ready";
    static final String WHAT_IF = "--what-if";

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = mapper();
        if (args.length == 1 && args[0].equals("--compare")) {
            compare(json);
        } else if (args.length == 3 && args[0].equals(WHAT_IF)) {
            WhatIfRun.SandboxRequest request = json.readValue(Path.of(args[1]).toFile(),
                    WhatIfRun.SandboxRequest.class);
            write(json, WhatIfRun.inSandbox(request, json), args[2]);
        } else {
            CandidateChecks.Request request = json.readValue(Path.of(args[0]).toFile(), CandidateChecks.Request.class);
            write(json, new CandidateChecks(json).run(request), args[1]);
        }
        System.exit(0);
    }

    /** The answer appears whole or not at all: written beside, then moved into place. */
    private static void write(ObjectMapper json, Object answer, String file) throws java.io.IOException {
        Path partial = Path.of(file + ".partial");
        json.writeValue(partial.toFile(), answer);
        Files.move(partial, Path.of(file));
    }

    private static void compare(ObjectMapper json) throws Exception {
        // Answers go to the original standard output; anything a library prints goes to the log instead
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        DecisionComparison comparison = new DecisionComparison(
                json.readValue(in.readLine(), DecisionComparison.Versions.class), json);
        answers.println(READY);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            List<DecisionComparison.PastOrder> page = json.readValue(line, new TypeReference<>() { });
            answers.println(json.writeValueAsString(comparison.compare(page)));
        }
    }

    /** How both sides read and write requests and results (and the stored facts inside them). */
    static ObjectMapper mapper() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        new JsonSettings().customize(json);
        json.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return json;
    }
}
