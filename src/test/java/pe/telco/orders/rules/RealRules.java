package pe.telco.orders.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesetCompiler;

/** The real files of rules/ and decision-tables/, compiled once for all rule tests. */
public final class RealRules {

    private static CompiledRuleset compiled;

    private RealRules() {
    }

    public static List<RuleFile> files() {
        List<RuleFile> files = new ArrayList<>();
        for (String folder : List.of("rules", "decision-tables")) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path path : paths.sorted().toList()) {
                    files.add(new RuleFile(path.getFileName().toString(), Files.readAllBytes(path)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static RuleFile file(String name) {
        return files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    public static synchronized CompiledRuleset compiled() {
        if (compiled == null) {
            compiled = new RulesetCompiler().compile(1, files());
        }
        return compiled;
    }

    public static EvaluationResult evaluate(EvaluationFacts facts) {
        return new OrderEvaluator().evaluate(compiled(), facts);
    }
}
