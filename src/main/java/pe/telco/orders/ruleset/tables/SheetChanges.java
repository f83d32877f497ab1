package pe.telco.orders.ruleset.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.ruleset.tables.RulesetDiff.CellChange;

/**
 * What changed on a workbook's other sheets (the examples, the legend): every cell whose text differs, by sheet and
 * cell reference, so an approver sees a changed expected result or a rewritten legend line, and a sheet that is
 * only on one side (renamed, added or removed) with all its cells.
 */
public final class SheetChanges {

    /** The changed cells of one sheet, {@code column} holding the cell reference. */
    public record SheetChange(String sheet, List<CellChange> cells) {
    }

    private static final int MAX_CELLS = 500;

    private SheetChanges() {
    }

    static List<SheetChange> between(RuleFile from, RuleFile to) {
        return between(from, to, 1);
    }

    /** Every changed cell of every sheet: a regression suite has no rule sheet, all of it is business content. */
    static List<SheetChange> everySheet(RuleFile from, RuleFile to) {
        return between(from, to, 0);
    }

    private static List<SheetChange> between(RuleFile from, RuleFile to, int firstSheet) {
        Map<String, Map<String, String>> a = otherSheets(from, firstSheet);
        Map<String, Map<String, String>> b = otherSheets(to, firstSheet);
        Set<String> sheets = new LinkedHashSet<>(a.keySet());
        sheets.addAll(b.keySet());
        List<SheetChange> changes = new ArrayList<>();
        for (String sheet : sheets) {
            Map<String, String> before = a.getOrDefault(sheet, Map.of());
            Map<String, String> after = b.getOrDefault(sheet, Map.of());
            Set<String> refs = new LinkedHashSet<>(before.keySet());
            refs.addAll(after.keySet());
            List<CellChange> cells = refs.stream()
                    .filter(ref -> !before.getOrDefault(ref, "").equals(after.getOrDefault(ref, "")))
                    .limit(MAX_CELLS)
                    .map(ref -> new CellChange(ref, before.getOrDefault(ref, ""), after.getOrDefault(ref, "")))
                    .toList();
            if (!cells.isEmpty()) {
                changes.add(new SheetChange(sheet, cells));
            }
        }
        return changes;
    }

    /** Every sheet but the first (the rules), as cell reference → text, in reading order. */
    private static Map<String, Map<String, String>> otherSheets(RuleFile file, int firstSheet) {
        Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (int i = firstSheet; i < workbook.getNumberOfSheets(); i++) {
                Sheet sheet = workbook.getSheetAt(i);
                Map<String, String> cells = new LinkedHashMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell).trim();
                        if (!text.isEmpty()) {
                            cells.put(DecisionTableReader.cellRef(row.getRowNum(), cell.getColumnIndex()), text);
                        }
                    }
                }
                sheets.put(sheet.getSheetName(), cells);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a workbook that cannot be read is refused at upload; the diff just shows nothing here
        }
        return sheets;
    }
}
