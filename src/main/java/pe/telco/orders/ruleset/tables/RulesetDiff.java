package pe.telco.orders.ruleset.tables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.Table;
import pe.telco.orders.engine.tables.DecisionTableReader.TableRow;
import pe.telco.orders.engine.tables.DecisionTableReader;

/**
 * What changed between two rulesets, the way a reviewer reads it: files added, removed or changed; for tables the
 * rows (by rule id) added, removed or changed cell by cell under their column label; for DRL the rules by id.
 */
public final class RulesetDiff {

    /** The whole difference. */
    public record Diff(List<String> filesAdded, List<String> filesRemoved, List<FileChange> filesChanged) {
    }

    /**
     * One changed file: its rules (table rows or DRL rules) added, removed and changed; for tables also every value of
     * each added row (old side blank) and each removed row (new side blank), and the changed cells of the other
     * sheets (examples, legend) by sheet and cell.
     */
    public record FileChange(String name, List<String> rulesAdded, List<String> rulesRemoved,
            List<RuleChange> rulesChanged, List<RuleChange> rowsAdded, List<RuleChange> rowsRemoved,
            List<SheetChanges.SheetChange> otherSheets) {
    }

    /** One rule present on both sides: where it is, and each cell (or the DRL text) that differs. */
    public record RuleChange(String rule, Integer oldRow, Integer newRow, List<CellChange> cells) {
    }

    /** One cell: the column label, the old and the new value ("" when blank). */
    public record CellChange(String column, String oldValue, String newValue) {
    }

    private static final Pattern DRL_RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\".*?^\\s*end\\s*$");

    private RulesetDiff() {
    }

    public static Diff between(List<RuleFile> from, List<RuleFile> to) {
        Map<String, RuleFile> a = byName(from);
        Map<String, RuleFile> b = byName(to);
        List<String> added = b.keySet().stream().filter(n -> !a.containsKey(n)).toList();
        List<String> removed = a.keySet().stream().filter(n -> !b.containsKey(n)).toList();
        List<FileChange> changed = new ArrayList<>();
        for (String name : a.keySet()) {
            if (b.containsKey(name) && !Arrays.equals(a.get(name).content(), b.get(name).content())) {
                changed.add(a.get(name).isDecisionTable() ? tableChange(a.get(name), b.get(name))
                        : a.get(name).isSuite() ? suiteChange(a.get(name), b.get(name))
                        : drlChange(a.get(name), b.get(name)));
            }
        }
        return new Diff(added, removed, changed);
    }

    private static FileChange tableChange(RuleFile from, RuleFile to) {
        Map<String, Located> a = rows(from);
        Map<String, Located> b = rows(to);
        List<RuleChange> changed = new ArrayList<>();
        for (Map.Entry<String, Located> old : a.entrySet()) {
            Located now = b.get(old.getKey());
            if (now == null) {
                continue;
            }
            List<CellChange> cells = cellChanges(old.getValue(), now);
            if (!cells.isEmpty() || old.getValue().row().excelRow() != now.row().excelRow()) {
                changed.add(new RuleChange(old.getKey(), old.getValue().row().excelRow(), now.row().excelRow(), cells));
            }
        }
        List<RuleChange> added = missing(b, a).stream().map(id -> whole(id, null, b.get(id))).toList();
        List<RuleChange> removed = missing(a, b).stream().map(id -> whole(id, a.get(id), null)).toList();
        return new FileChange(from.name(), missing(b, a), missing(a, b), changed, added, removed,
                SheetChanges.between(from, to));
    }

    /** A row that is on one side only, with every value it has, as changes from or to blank. */
    private static RuleChange whole(String id, Located old, Located now) {
        Located present = old != null ? old : now;
        List<CellChange> cells = labelled(present).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> old != null ? new CellChange(e.getKey(), e.getValue(), "")
                        : new CellChange(e.getKey(), "", e.getValue()))
                .toList();
        return new RuleChange(id, old == null ? null : old.row().excelRow(), now == null ? null : now.row().excelRow(),
                cells);
    }

    private static List<CellChange> cellChanges(Located old, Located now) {
        Map<String, String> before = labelled(old);
        Map<String, String> after = labelled(now);
        Set<String> labels = new LinkedHashSet<>(before.keySet());
        labels.addAll(after.keySet());
        return labels.stream()
                .filter(l -> !Objects.equals(before.getOrDefault(l, ""), after.getOrDefault(l, "")))
                .map(l -> new CellChange(l, before.getOrDefault(l, ""), after.getOrDefault(l, "")))
                .toList();
    }

    private static Map<String, String> labelled(Located located) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Column column : located.table().columns()) {
            String label = column.label().isEmpty() ? column.letter() : column.label();
            cells.put(label, located.row().cells().getOrDefault(column.index(), ""));
        }
        return cells;
    }

    private record Located(Table table, TableRow row) {
    }

    private static Map<String, Located> rows(RuleFile file) {
        Map<String, Located> rows = new LinkedHashMap<>();
        for (Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
            table.rows().forEach(row -> rows.putIfAbsent(row.id(), new Located(table, row)));
        }
        return rows;
    }

    /** A regression suite has no rules: its changed cases show as changed cells, sheet by sheet. */
    private static FileChange suiteChange(RuleFile from, RuleFile to) {
        return new FileChange(from.name(), List.of(), List.of(), List.of(), List.of(), List.of(),
                SheetChanges.everySheet(from, to));
    }

    private static FileChange drlChange(RuleFile from, RuleFile to) {
        Map<String, String> a = drlRules(from);
        Map<String, String> b = drlRules(to);
        List<RuleChange> changed = a.keySet().stream()
                .filter(id -> b.containsKey(id) && !normalized(a.get(id)).equals(normalized(b.get(id))))
                .map(id -> new RuleChange(id, null, null, List.of(new CellChange("DRL", a.get(id), b.get(id)))))
                .toList();
        return new FileChange(from.name(), missing(b, a), missing(a, b), changed, List.of(), List.of(), List.of());
    }

    private static Map<String, String> drlRules(RuleFile file) {
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher m = DRL_RULE.matcher(new String(file.content(), StandardCharsets.UTF_8));
        while (m.find()) {
            rules.put(m.group(1).split(" ")[0], m.group().strip());
        }
        return rules;
    }

    private static String normalized(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static List<String> missing(Map<String, ?> in, Map<String, ?> from) {
        return in.keySet().stream().filter(k -> !from.containsKey(k)).toList();
    }

    private static Map<String, RuleFile> byName(List<RuleFile> files) {
        return files.stream().collect(Collectors.toMap(RuleFile::name, Function.identity(), (x, y) -> x,
                java.util.TreeMap::new));
    }
}
