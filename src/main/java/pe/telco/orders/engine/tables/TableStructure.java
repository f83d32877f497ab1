package pe.telco.orders.engine.tables;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader.Column;
import pe.telco.orders.engine.tables.DecisionTableReader.Table;
import pe.telco.orders.engine.tables.DecisionTableReader.TableRow;

/**
 * The developer-owned part of a decision table's rule sheet, and the one workbook the rules are generated from.
 * Everything of the sheet Drools compiles that is not a business cell of a table row (the RuleSet, Import and other
 * settings above the tables, each table's name, keyword, object-type, snippet and label rows, merged header cells) is
 * structure: an upload must keep it exactly as in the version it is based on. Nothing may stand outside the tables.
 */
public final class TableStructure {

    private static final int HEADER_ROWS = 5; // RuleTable, keywords, object types, snippets, labels

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    /** What of a rule sheet is structure: its name, the settings above the tables, each table's header block. */
    record Shape(String sheet, Map<String, String> settings, List<Map<String, String>> headers, Set<String> merged,
            List<String> strays) {
    }

    /** Cells outside every table, and changes of structure compared with {@code base}; none when base is null. */
    public List<RuleProblem> compare(RuleFile upload, List<Table> tables, RuleFile base, List<Table> baseTables,
            int baseVersion) {
        Shape now = shape(upload, tables);
        List<RuleProblem> problems = new ArrayList<>();
        now.strays().forEach(ref -> problems.add(RuleProblem.atCell(upload.name(), now.sheet(), ref,
                "This cell is outside every rule table; write notes on the Leyenda sheet, not on the rule sheet",
                "Esta celda está fuera de toda tabla de reglas; escribe las notas en la hoja Leyenda, no en la hoja de"
                        + " reglas")));
        if (base == null) {
            return problems;
        }
        Shape before = shape(base, baseTables);
        String was = " in version " + baseVersion;
        if (!now.sheet().equals(before.sheet())) {
            problems.add(RuleProblem.inFile(upload.name(), "The rule sheet is named «" + now.sheet() + "» but was «"
                    + before.sheet() + "»" + was + "; keep its name", "La hoja de reglas se llama «" + now.sheet()
                    + "» pero se llamaba «" + before.sheet() + "» en la versión " + baseVersion
                    + "; conserva su nombre"));
            return problems;
        }
        diff(upload.name(), now.sheet(), before.settings(), now.settings(), baseVersion, problems);
        if (before.headers().size() != now.headers().size()) {
            problems.add(RuleProblem.inFile(upload.name(), "The rule sheet has " + now.headers().size()
                    + " rule tables but had " + before.headers().size() + was + "; tables are added and removed by"
                    + " developers with a release", "La hoja de reglas tiene " + now.headers().size() + " tablas pero"
                    + " tenía " + before.headers().size() + " en la versión " + baseVersion + "; las tablas las agregan"
                    + " y quitan los desarrolladores"));
            return problems;
        }
        for (int t = 0; t < now.headers().size(); t++) {
            diff(upload.name(), now.sheet(), before.headers().get(t), now.headers().get(t), baseVersion, problems);
        }
        if (problems.isEmpty() && !before.merged().equals(now.merged())) {
            problems.add(RuleProblem.inFile(upload.name(), "The merged cells of a table's header changed compared"
                    + was + "; keep the header rows as they were", "Las celdas combinadas del encabezado de una tabla"
                    + " cambiaron respecto de la versión " + baseVersion + "; deja las filas de encabezado como"
                    + " estaban"));
        }
        return problems;
    }

    private static void diff(String file, String sheet, Map<String, String> before, Map<String, String> now,
            int baseVersion, List<RuleProblem> problems) {
        Set<String> refs = new java.util.TreeSet<>(before.keySet());
        refs.addAll(now.keySet());
        for (String ref : refs) {
            String old = before.getOrDefault(ref, "");
            String value = now.getOrDefault(ref, "");
            if (!old.equals(value) && problems.size() < 20) {
                problems.add(RuleProblem.atCell(file, sheet, ref.substring(ref.indexOf(' ') + 1), "This cell is part of"
                        + " the table's structure, which developers own: it was " + ValueType.seen(old)
                        + " in version " + baseVersion + " and is " + ValueType.seen(value) + " now. Undo the change"
                        + " (or ask a developer for a new column or setting)", "Esta celda es parte de la estructura"
                        + " de la tabla, que es de los desarrolladores: era " + ValueType.seen(old) + " en la versión "
                        + baseVersion + " y ahora es " + ValueType.seen(value) + ". Deshaz el cambio (o pide a un"
                        + " desarrollador una nueva columna o ajuste)"));
            }
        }
    }

    /**
     * The workbook the rules are generated from: the upload with every business cell replaced by its checked and
     * escaped value and every other cell of the table rows emptied, so Drools compiles exactly what was read.
     */
    public byte[] generatedWorkbook(RuleFile file, List<Table> tables) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Table table : tables) {
                for (TableRow row : table.rows()) {
                    Row excel = sheet.getRow(row.excelRow() - 1);
                    for (Column column : table.columns()) {
                        Cell cell = excel.getCell(column.index());
                        String value = row.generated().get(column.index());
                        if (value != null) {
                            (cell == null ? excel.createCell(column.index()) : cell).setCellValue(value);
                        } else if (cell != null) {
                            excel.removeCell(cell);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A workbook that was read could not be written again", e);
        }
    }

    private Shape shape(RuleFile file, List<Table> tables) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Set<String> owned = new HashSet<>();
            List<Map<String, String>> headers = new ArrayList<>();
            Set<String> merged = new HashSet<>();
            int firstHeader = tables.isEmpty() ? sheet.getLastRowNum() + 1 : tables.get(0).headerExcelRow() - 1;
            for (Table table : tables) {
                int top = table.headerExcelRow() - 1;
                int left = table.columns().isEmpty() ? 0 : table.columns().get(0).index();
                int width = table.columns().size();
                Map<String, String> header = new LinkedHashMap<>();
                for (int r = top; r < top + HEADER_ROWS; r++) {
                    for (int c = left; c < left + width; c++) {
                        header.put(table.name() + " " + DecisionTableReader.cellRef(r, c), text(sheet, r, c));
                        owned.add(r + ":" + c);
                    }
                }
                for (TableRow row : table.rows()) {
                    for (Column column : table.columns()) {
                        owned.add((row.excelRow() - 1) + ":" + column.index());
                    }
                }
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    if (region.getFirstRow() >= top && region.getFirstRow() < top + HEADER_ROWS) {
                        merged.add(table.name() + " " + (region.getFirstRow() - top) + ":" + region.getFirstColumn()
                                + "-" + (region.getLastRow() - top) + ":" + region.getLastColumn());
                    }
                }
                headers.add(header);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            List<String> strays = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String value = formatter.formatCellValue(cell).trim();
                    String ref = DecisionTableReader.cellRef(row.getRowNum(), cell.getColumnIndex());
                    if (row.getRowNum() < firstHeader) {
                        if (!value.isEmpty()) {
                            settings.put("settings " + ref, value);
                        }
                    } else if (!value.isEmpty() && !owned.contains(row.getRowNum() + ":" + cell.getColumnIndex())) {
                        strays.add(ref);
                    }
                }
            }
            return new Shape(sheet.getSheetName(), settings, headers, merged, strays);
        } catch (IOException e) {
            throw new UncheckedIOException("A workbook that was read could not be read again", e);
        }
    }

    private String text(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : Objects.requireNonNullElse(formatter.formatCellValue(cell), "").trim();
    }
}
