package pe.telco.orders.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.tables.TableStructure;
import pe.telco.orders.evaluation.facts.OrderFacts;

/**
 * Turns the files of a ruleset into a KieBase, or into a list of problems a business user can act on. Pure: no
 * database, no CDI, so rule tests build the real files with it directly.
 */
public class RulesetCompiler {

    static final String PACKAGE_PATH = "src/main/resources/pe/telco/orders/rules/";
    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern RULE_ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\\d{2,}$");
    private static final Pattern ERROR_AT = Pattern.compile("Line \\d+:(\\d+)");
    private static final Pattern TABLE_ORIGIN = Pattern.compile("//\\s*rule values at ([A-Z]+)(\\d+)");

    private static final Logger LOG = Logger.getLogger(RulesetCompiler.class);

    private final DecisionTableReader tableReader;
    private final TableStructure structure = new TableStructure();

    /** A compiler of accepted content (stored versions, the shipped tables): no upload limit applies. */
    public RulesetCompiler() {
        this(DecisionTableReader.Limits.ACCEPTED);
    }

    public RulesetCompiler(DecisionTableReader.Limits limits) {
        this.tableReader = new DecisionTableReader(limits);
    }

    /** Logs what went wrong in detail under a short reference that the answer shows instead of library text. */
    static String logged(String where, Object detail) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.warnf("Ruleset problem %s in %s: %s", reference, where, detail);
        return reference;
    }

    /** Compiles {@code files} as ruleset {@code version}; throws {@link RulesetInvalid} listing every problem. */
    public CompiledRuleset compile(int version, List<RuleFile> files) {
        long started = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleInfo> catalog = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        if (files.isEmpty()) {
            throw new RulesetInvalid(List.of(RuleProblem.inFile("(ruleset)", "A ruleset needs at least one file",
                    "Una versión de reglas necesita al menos un archivo")));
        }
        for (RuleFile file : files) {
            if (file.isSuite()) {
                continue; // test cases, not rules: they count in the content hash but compile to nothing
            }
            if (file.isDecisionTable()) {
                readTable(file, catalog, sources, problems);
            } else if (file.isDrl()) {
                readDrl(file, catalog, sources, problems);
            } else {
                problems.add(RuleProblem.inFile(file.name(),
                        "Only .drl files and .drl.xlsx decision tables are rules; Drools would ignore this file",
                        "Solo son reglas los archivos .drl y las tablas .drl.xlsx; este archivo no se leería"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
        KieBase kieBase = build(sources, problems);
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
        checkCatalogCovers(kieBase, catalog);
        return new CompiledRuleset(version, contentHash(files), kieBase, Map.copyOf(catalog),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** SHA-256 over the files' names and exact bytes, in name order: the same files always give the same hash. */
    public static String contentHash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files.stream().sorted(Comparator.comparing(RuleFile::name)).toList()) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(file.content().length).array());
                digest.update(file.content());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Generated DRL of a table, with where each of its lines came from. */
    private record Source(RuleFile file, String drl, List<DecisionTableReader.Table> tables) {
    }

    private void readTable(RuleFile file, Map<String, RuleInfo> catalog, Map<String, Source> sources,
            List<RuleProblem> problems) {
        int before = problems.size();
        List<DecisionTableReader.Table> tables = tableReader.read(file, problems);
        for (DecisionTableReader.Table table : tables) {
            DecisionTableReader.Column name = table.columns().stream()
                    .filter(c -> c.keyword().equals("NAME")).findFirst().orElse(null);
            for (DecisionTableReader.TableRow row : table.rows()) {
                if (row.id().isEmpty()) {
                    continue;
                }
                String cell = (name == null ? "A" : name.letter()) + row.excelRow();
                register(new RuleInfo(row.id(), row.description(), file.name(), table.sheet(), row.excelRow()),
                        file.name() + "!" + table.sheet() + "!" + cell, catalog, problems);
            }
        }
        if (problems.size() > before) {
            return;
        }
        try {
            byte[] generated = structure.generatedWorkbook(file, tables);
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(generated), InputType.XLS);
            sources.put(file.name(), new Source(file, drl, tables));
        } catch (RuntimeException e) {
            String reference = logged(file.name(), e);
            problems.add(RuleProblem.inFile(file.name(), "The table could not be turned into rules although its values"
                    + " were read; this is a problem of the table's structure (reference " + reference + ")",
                    "La tabla no se pudo convertir en reglas aunque sus valores se leyeron bien: es un problema de la"
                    + " estructura de la tabla; pídele a un desarrollador que la revise (referencia " + reference
                    + ")"));
        }
    }

    private void readDrl(RuleFile file, Map<String, RuleInfo> catalog, Map<String, Source> sources,
            List<RuleProblem> problems) {
        String drl = new String(file.content(), StandardCharsets.UTF_8);
        Matcher m = DRL_RULE.matcher(drl);
        while (m.find()) {
            int line = (int) drl.substring(0, m.start()).lines().count() + 1;
            String ruleName = m.group(1).trim();
            String id = CompiledRuleset.idOf(ruleName);
            String location = file.name() + ":" + line;
            if (!RULE_ID.matcher(id).matches() || id.equals(ruleName)) {
                problems.add(new RuleProblem(location, "Rule \"" + ruleName
                        + "\" must be named by a stable id and a sentence, e.g. \"INV-001 Device needs stock\"",
                        "La regla \"" + ruleName + "\" debe llamarse con un id estable y una frase, p. ej."
                                + " \"INV-001 Device needs stock\""));
                continue;
            }
            register(new RuleInfo(id, ruleName.substring(id.length()).trim(), file.name(), null, line), location,
                    catalog, problems);
        }
        sources.put(file.name(), new Source(file, drl, List.of()));
    }

    private static void register(RuleInfo info, String location, Map<String, RuleInfo> catalog,
            List<RuleProblem> problems) {
        RuleInfo earlier = catalog.putIfAbsent(info.id(), info);
        if (earlier != null) {
            String where = earlier.sheet() == null ? earlier.source() + ":" + earlier.row()
                    : earlier.source() + "!" + earlier.sheet() + " row " + earlier.row();
            problems.add(new RuleProblem(location, "Rule id " + info.id() + " is already used at " + where
                    + "; ids are audit keys and must be unique across the ruleset", "El id de regla " + info.id()
                    + " ya se usa en " + where + "; los ids son claves de auditoría y no se repiten"));
        }
    }

    private KieBase build(Map<String, Source> sources, List<RuleProblem> problems) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("pe.telco.orders", "ruleset", "1.0.0-" + UUID.randomUUID());
        KieFileSystem kfs = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (Source source : sources.values()) {
            kfs.write(PACKAGE_PATH + drlName(source.file()), source.drl());
        }
        ClassLoader factsLoader = OrderFacts.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(kfs, factsLoader).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(message, sources));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return kie.newKieContainer(releaseId, factsLoader).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static String drlName(RuleFile file) {
        return file.isDecisionTable() ? file.name() + ".drl" : file.name();
    }

    /** Maps a compiler message back to the DRL line, or to the spreadsheet cell whose content produced it. */
    private static RuleProblem locate(Message message, Map<String, Source> sources) {
        String text = message.getText().lines().findFirst().orElse(message.getText());
        Source source = sources.values().stream()
                .filter(s -> message.getPath() != null && message.getPath().endsWith(drlName(s.file())))
                .findFirst().orElse(null);
        if (source == null) {
            String reference = logged("(ruleset)", text);
            return RuleProblem.inFile("(ruleset)", "The rules do not compile (reference " + reference
                    + ")", "Las reglas no compilan (referencia " + reference + ")");
        }
        if (!source.file().isDecisionTable()) {
            String reference = logged(source.file().name() + ":" + message.getLine(), text);
            return new RuleProblem(source.file().name() + ":" + message.getLine(), "The rule does not compile at"
                    + " this line; the compiler's message is in the service's log (reference " + reference + ")",
                    "La regla no compila en esta línea; el mensaje del compilador está en el registro del servicio"
                    + " (referencia " + reference + ")");
        }
        return locateInTable(source, message.getLine(), errorColumn(message, text), text);
    }

    /** Where on its line the compiler stopped: the message's column, or the one its text names ("Line 81:93"). */
    private static int errorColumn(Message message, String text) {
        if (message.getColumn() > 0) {
            return message.getColumn();
        }
        Matcher at = ERROR_AT.matcher(text);
        return at.find() ? Integer.parseInt(at.group(1)) : 0;
    }

    private static RuleProblem locateInTable(Source source, int line, int column, String text) {
        List<String> lines = source.drl().lines().toList();
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher origin = TABLE_ORIGIN.matcher(lines.get(i));
            if (!origin.find()) {
                continue;
            }
            int excelRow = Integer.parseInt(origin.group(2));
            String offending = line - 1 < lines.size() && line > 0 ? lines.get(line - 1) : "";
            for (DecisionTableReader.Table table : source.tables()) {
                for (DecisionTableReader.TableRow row : table.rows()) {
                    if (row.excelRow() != excelRow) {
                        continue;
                    }
                    String cell = offendingColumn(table, row, offending, column);
                    String reference = logged(source.file().name() + " row " + excelRow, text);
                    return RuleProblem.atCell(source.file().name(), table.sheet(), cell + excelRow,
                            "Rule " + row.id() + " does not compile although its values were read; this is a problem"
                                    + " of the table's structure (reference " + reference + ")",
                            "La regla " + row.id() + " no compila aunque sus valores se leyeron bien: es un problema"
                                    + " de la estructura de la tabla (referencia " + reference + ")");
                }
            }
            String reference = logged(source.file().name(), text);
            return RuleProblem.atCell(source.file().name(), "?", origin.group(1) + excelRow, "This row does not"
                    + " compile (reference " + reference + ")", "Esta fila no compila"
                    + " (referencia " + reference + ")");
        }
        String reference = logged(source.file().name(), text);
        return RuleProblem.inFile(source.file().name(), "The table does not compile (reference "
                + reference + ")", "La tabla no compila (referencia " + reference + ")");
    }

    /**
     * The condition or action cell whose content stands on the offending generated line closest before the column
     * where the compiler stopped (a whole pattern is one line, so several cells of the row share it).
     */
    private static String offendingColumn(DecisionTableReader.Table table, DecisionTableReader.TableRow row,
            String offending, int errorColumn) {
        int limit = errorColumn > 0 ? errorColumn : offending.length();
        DecisionTableReader.Column best = null;
        int bestStart = -1;
        for (DecisionTableReader.Column c : table.columns()) {
            String value = row.cells().get(c.index());
            if (value == null || !(c.keyword().equals("CONDITION") || c.keyword().equals("ACTION"))) {
                continue;
            }
            int start = offending.lastIndexOf(value, limit);
            if (start > bestStart) {
                best = c;
                bestStart = start;
            }
        }
        return (best != null ? best : table.columns().get(0)).letter();
    }

    private static void checkCatalogCovers(KieBase kieBase, Map<String, RuleInfo> catalog) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                catalog.putIfAbsent(CompiledRuleset.idOf(rule.getName()),
                        new RuleInfo(CompiledRuleset.idOf(rule.getName()), rule.getName(), "(unknown)", null, null));
            }
        }
    }
}
