package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import pe.telco.orders.common.JsonSettings;

/**
 * The sandbox process: reads a {@link CandidateChecks.Request} from the file named first, runs the checks and writes
 * the {@link CandidateChecks.Result} to the file named second. It starts with no environment, no database
 * credentials and a temporary working directory; the service waits for it with a time limit and a heap limit.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = mapper();
        CandidateChecks.Request request = json.readValue(Path.of(args[0]).toFile(), CandidateChecks.Request.class);
        CandidateChecks.Result result = new CandidateChecks(json).run(request);
        Path partial = Path.of(args[1] + ".partial");
        json.writeValue(partial.toFile(), result);
        Files.move(partial, Path.of(args[1]));
        System.exit(0);
    }

    /** How both sides read and write the request and the result (and the stored facts inside it). */
    static ObjectMapper mapper() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        new JsonSettings().customize(json);
        json.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return json;
    }
}
