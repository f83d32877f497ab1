package pe.telco.orders.engine.tables;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.jboss.logging.Logger;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;

/**
 * Reads the RuleTables of a {@code .drl.xlsx} workbook the way a business user sees them, and enforces what Drools
 * lets pass silently: every table has NAME and DESCRIPTION columns, every row a unique id, a key value and its
 * actions, and nothing is written below the blank row that ends a table.
 */
public final class DecisionTableReader {

    private static final Logger LOG = Logger.getLogger(DecisionTableReader.class);
    private static final int KEYWORD_ROW = 1;
    private static final int LABEL_ROW = 4;
    private static final int FIRST_DATA_ROW = 5;

    /** A column of a RuleTable: its keyword (CONDITION, ACTION, NAME, ...), snippet, label and declared type. */
    public record Column(int index, String keyword, String objectType, String snippet, String label,
            ColumnTypes.Declared declared) {

        public String letter() {
            return CellReference.convertNumToColString(index);
        }
    }

    /**
     * One rule row: its id, sentence, Excel row number (1-based), each column's value as read (what people are
     * shown) and as it is placed in the generated rule (checked and escaped by the column's type).
     */
    public record TableRow(String id, String description, int excelRow, Map<Integer, String> cells,
            Map<Integer, String> generated) {
    }

    /** One RuleTable of a sheet. */
    public record Table(String file, String sheet, String name, int headerExcelRow, List<Column> columns, List<TableRow> rows) {
    }

    /**
     * Rows of one table and sheets of one workbook beyond which a workbook is refused rather than read. They guard
     * uploads (the configured {@code orders.rules.limits.*}, passed explicitly); a version already accepted is read
     * and compiled with {@link #ACCEPTED}: activated under a raised limit, or kept active after a lower one is set,
     * it must never be refused or cut short later.
     */
    public record Limits(int rowsPerTable, int sheetsPerWorkbook, long bytesPerPart, long bytesPerWorkbook) {

        public static final Limits DEFAULT = new Limits(2_000, 20, 20L << 20, 60L << 20);
        public static final Limits ACCEPTED = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE);
    }

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final Limits limits;

    /** A reader of accepted content (stored versions, the shipped tables): no limit applies. */
    public DecisionTableReader() {
        this(Limits.ACCEPTED);
    }

    public DecisionTableReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads every RuleTable of the workbook; adds what is wrong to {@code problems}. */
    public List<Table> read(RuleFile file, List<RuleProblem> problems) {
        if (file.content().length == 0) {
            problems.add(RuleProblem.inFile(file.name(), "The file is empty", "El archivo está vacío"));
            return List.of();
        }
        if (!WorkbookArchive.check(file, limits, problems)) {
            return List.of();
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            if (refusedContent(file.name(), workbook, problems)) {
                return List.of();
            }
            if (workbook.getNumberOfSheets() > 0 && workbook.getSheetVisibility(0) != SheetVisibility.VISIBLE) {
                problems.add(RuleProblem.inFile(file.name(), "The rule sheet " + workbook.getSheetName(0)
                        + " is hidden; unhide it (right-click a sheet tab, Unhide) so that what is checked is what"
                        + " people see", "La hoja de reglas " + workbook.getSheetName(0) + " está oculta; muéstrala"
                        + " (clic derecho en una pestaña, Mostrar) para que lo que se revisa sea lo que se ve"));
                return List.of();
            }
            if (workbook.getNumberOfSheets() > limits.sheetsPerWorkbook()) {
                problems.add(RuleProblem.inFile(file.name(), "The workbook has " + workbook.getNumberOfSheets()
                        + " sheets; at most " + limits.sheetsPerWorkbook() + " are accepted", "El libro tiene "
                        + workbook.getNumberOfSheets() + " hojas; se aceptan como máximo "
                        + limits.sheetsPerWorkbook()));
                return List.of();
            }
            List<Table> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<Table> found = readSheet(file.name(), sheet, problems);
                if (!found.isEmpty() && workbook.getSheetIndex(sheet) > 0) {
                    problems.add(RuleProblem.atCell(file.name(), sheet.getSheetName(),
                            DecisionTableReader.cellRef(found.get(0).headerExcelRow() - 1, 0),
                            "Drools reads only the first sheet of a workbook; move this RuleTable to the first sheet",
                            "Solo se leen las reglas de la primera hoja del libro; mueve esta tabla a la primera"
                                    + " hoja"));
                }
                tables.addAll(found);
            }
            if (tables.isEmpty()) {
                problems.add(RuleProblem.inFile(file.name(), "The workbook has no RuleTable: no rule would run",
                        "El libro no tiene ninguna tabla de reglas (RuleTable): no correría ninguna regla"));
            }
            return tables;
        } catch (Exception e) {
            LOG.debugf("Workbook %s could not be read: %s", file.name(), e);
            problems.add(RuleProblem.inFile(file.name(), "The file could not be read as an Excel workbook (.xlsx);"
                    + " open it in Excel and save it again as an Excel workbook (.xlsx)", "El archivo no se pudo leer"
                    + " como libro de Excel (.xlsx); ábrelo en Excel y guárdalo de nuevo como libro de Excel (.xlsx)"));
            return List.of();
        }
    }

    /** Macros and links to other workbooks have no place in a rule table: they would run or read elsewhere. */
    private static boolean refusedContent(String file, Workbook workbook, List<RuleProblem> problems) {
        if (workbook instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook xssf) {
            if (xssf.isMacroEnabled()) {
                problems.add(RuleProblem.inFile(file, "The workbook contains macros; save it as a plain .xlsx"
                        + " workbook without macros", "El libro tiene macros; guárdalo como libro de Excel (.xlsx) sin"
                        + " macros"));
                return true;
            }
            if (!xssf.getExternalLinksTable().isEmpty()) {
                problems.add(RuleProblem.inFile(file, "The workbook links to other workbooks; copy the values in"
                        + " and remove the external links", "El libro tiene vínculos a otros libros; copia los valores"
                        + " y quita los vínculos externos"));
                return true;
            }
        }
        return false;
    }

    private List<Table> readSheet(String file, Sheet sheet, List<RuleProblem> problems) {
        List<Table> tables = new ArrayList<>();
        int last = sheet.getLastRowNum();
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                String text = text(cell);
                if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    Table table = readTable(file, sheet, r, cell.getColumnIndex(), text.substring(9).trim(), problems);
                    tables.add(table);
                    r = checkNothingBelow(file, sheet, table, problems);
                    break;
                }
            }
        }
        return tables;
    }

    private Table readTable(String file, Sheet sheet, int headerRow, int firstColumn, String name,
            List<RuleProblem> problems) {
        List<Column> columns = new ArrayList<>();
        Row keywords = sheet.getRow(headerRow + KEYWORD_ROW);
        String pattern = "";
        for (int c = firstColumn; keywords != null && c < keywords.getLastCellNum(); c++) {
            String keyword = text(keywords.getCell(c)).toUpperCase(Locale.ROOT);
            if (keyword.isEmpty()) {
                break;
            }
            // A pattern cell ($q : CreditQuestion) is merged over the condition columns it applies to
            String objectType = cellText(sheet, headerRow + 2, c);
            if (keyword.equals("CONDITION")) {
                pattern = objectType.isEmpty() ? pattern : objectType;
                objectType = pattern;
            }
            String snippet = cellText(sheet, headerRow + 3, c);
            String label = cellText(sheet, headerRow + LABEL_ROW, c);
            ColumnTypes.Declared declared = ColumnTypes.of(keyword, snippet).orElse(null);
            if (declared == null) {
                problems.add(RuleProblem.atCell(file, sheet.getSheetName(), cellRef(headerRow + 3, c),
                        "Column '" + label + "' (" + keyword + ") is not a kind of column this service knows how to"
                                + " read; table columns are added by developers with a release", "La columna «" + label
                                + "» (" + keyword + ") no es un tipo de columna que el sistema sepa leer; las columnas"
                                + " las agregan los desarrolladores con una nueva versión del sistema"));
            }
            columns.add(new Column(c, keyword, objectType, snippet, label, declared));
        }
        String header = cellRef(headerRow, firstColumn);
        Column nameColumn = find(columns, "NAME");
        Column descriptionColumn = find(columns, "DESCRIPTION");
        if (nameColumn == null) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header, "RuleTable " + name
                    + " has no NAME column: every row needs a stable rule id (e.g. CREDIT-010)", "La tabla " + name
                    + " no tiene la columna NAME: cada fila necesita un id de regla estable (p. ej. CREDIT-010)"));
        }
        if (descriptionColumn == null) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header, "RuleTable " + name
                    + " has no DESCRIPTION column: every row needs a sentence saying what it decides", "La tabla "
                    + name + " no tiene la columna DESCRIPTION: cada fila necesita una frase que diga qué decide"));
        }
        if (columns.stream().noneMatch(c -> c.keyword().equals("CONDITION"))
                || columns.stream().noneMatch(c -> c.keyword().equals("ACTION"))) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), cellRef(headerRow + KEYWORD_ROW, firstColumn),
                    "RuleTable " + name + " needs CONDITION and ACTION columns in the row below its name", "La tabla "
                    + name + " necesita columnas CONDITION y ACTION en la fila bajo su nombre"));
        }
        List<TableRow> rows = new ArrayList<>();
        for (int r = headerRow + FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Map<Integer, String> cells = new HashMap<>();
            Map<Integer, String> generated = new HashMap<>();
            String rowId = nameColumn == null || sheet.getRow(r) == null ? ""
                    : value(sheet.getRow(r).getCell(nameColumn.index()));
            for (Column column : columns) {
                readCell(file, sheet, r, rowId, column, cells, generated, problems);
            }
            if (cells.isEmpty()) {
                break;
            }
            if (rows.size() == limits.rowsPerTable()) {
                problems.add(RuleProblem.atCell(file, sheet.getSheetName(), cellRef(r, firstColumn), "RuleTable "
                        + name + " has more than " + limits.rowsPerTable() + " rows; split it or ask for a higher"
                        + " limit",
                        "La tabla " + name + " tiene más de " + limits.rowsPerTable() + " filas; divídela o pide un"
                                + " límite mayor"));
                break;
            }
            String id = nameColumn == null ? "" : cells.getOrDefault(nameColumn.index(), "");
            String description = descriptionColumn == null ? "" : cells.getOrDefault(descriptionColumn.index(), "");
            rows.add(new TableRow(id, description, r + 1, cells, generated));
            checkRow(file, sheet.getSheetName(), columns, nameColumn, descriptionColumn, r, cells, problems);
        }
        if (rows.isEmpty()) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header,
                    "RuleTable " + name + " has no rows", "La tabla " + name + " no tiene filas"));
        }
        return new Table(file, sheet.getSheetName(), name, headerRow + 1, columns, rows);
    }

    /**
     * Reads one business cell by its column's declared type: the value shown to people goes to {@code cells}, the
     * checked and escaped text placed in the generated rule to {@code generated}; a value that cannot be read is a
     * problem naming the cell, the column and what was seen.
     */
    private void readCell(String file, Sheet sheet, int r, String rowId, Column column, Map<Integer, String> cells,
            Map<Integer, String> generated, List<RuleProblem> problems) {
        Cell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(column.index());
        String ref = cellRef(r, column.index());
        if (cell != null && cell.getCellType() == CellType.FORMULA) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), ref, "This cell holds a formula; a rule"
                    + " table takes typed values only. Type the value instead", "Esta celda tiene una fórmula; una"
                    + " tabla de reglas solo lleva valores escritos. Escribe el valor"));
            return;
        }
        String value = value(cell);
        if (value.isEmpty()) {
            return;
        }
        if (mergedAt(sheet, r, column.index()) != null) {
            String range = mergedAt(sheet, r, column.index()).formatAsString();
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), ref, "This cell is merged with others ("
                    + range + "); unmerge the cells and type the value in each row that needs it", "Esta celda está"
                    + " combinada con otras (" + range + "); separa las celdas y escribe el valor en cada fila que lo"
                    + " necesite"));
        }
        cells.put(column.index(), value);
        if (column.declared() == null) {
            return;
        }
        ValueType.Reading reading = column.declared().type()
                .read(value, column.declared().allowed());
        if (reading.ok()) {
            generated.put(column.index(), reading.value());
            if (column.declared().type() != ValueType.TEXT
                    && column.declared().type() != ValueType.DESCRIPTION) {
                cells.put(column.index(), reading.value());
            }
        } else {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), ref, (rowId.isEmpty() ? "" : "Rule " + rowId
                    + ", ") + "'" + column.label() + "': " + reading.problem(), (rowId.isEmpty() ? ""
                    : "Regla " + rowId + ", ") + "«" + column.label() + "»: " + reading.problema()));
        }
    }

    /** A cell's value as typed: a number as its plain decimal (never its display format), text trimmed. */
    private String value(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros()
                    .toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> text(cell);
        };
    }

    private static org.apache.poi.ss.util.CellRangeAddress mergedAt(Sheet sheet, int r, int c) {
        for (org.apache.poi.ss.util.CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(r, c)) {
                return region;
            }
        }
        return null;
    }

    private void checkRow(String file, String sheet, List<Column> columns, Column nameColumn, Column descriptionColumn,
            int r, Map<Integer, String> cells, List<RuleProblem> problems) {
        if (nameColumn != null && !cells.containsKey(nameColumn.index())) {
            problems.add(RuleProblem.atCell(file, sheet, cellRef(r, nameColumn.index()),
                    "The rule id (NAME) is empty; every row needs a unique id such as CREDIT-010",
                    "El id de la regla (NAME) está vacío; cada fila necesita un id único como CREDIT-010"));
        }
        if (descriptionColumn != null && !cells.containsKey(descriptionColumn.index())) {
            problems.add(RuleProblem.atCell(file, sheet, cellRef(r, descriptionColumn.index()),
                    "The DESCRIPTION is empty; say in a sentence what this row decides",
                    "La descripción (DESCRIPTION) está vacía; di en una frase qué decide esta fila"));
        }
        columns.stream().filter(c -> c.keyword().equals("CONDITION")).findFirst()
                .filter(key -> !cells.containsKey(key.index()))
                .ifPresent(key -> problems.add(RuleProblem.atCell(file, sheet, cellRef(r, key.index()),
                        "'" + key.label() + "' is empty; this first condition column must be filled in every row",
                        "«" + key.label() + "» está vacía; esta primera columna de condición se llena en cada fila")));
        for (Column column : columns) {
            if (column.keyword().equals("ACTION") && !cells.containsKey(column.index())) {
                problems.add(RuleProblem.atCell(file, sheet, cellRef(r, column.index()),
                        "'" + column.label() + "' is empty; every row needs its outcome, reason code and message",
                        "«" + column.label() + "» está vacía; cada fila necesita su resultado, código de motivo y"
                                + " mensaje"));
            }
        }
    }

    /** Drools stops a table at its first blank row and silently ignores anything below it: that is an error here. */
    private int checkNothingBelow(String file, Sheet sheet, Table table, List<RuleProblem> problems) {
        int blankRow = table.headerExcelRow() - 1 + FIRST_DATA_ROW + table.rows().size();
        for (int r = blankRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                if (text(cell).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    return r - 1;
                }
            }
            for (Column column : table.columns()) {
                if (!cellText(sheet, r, column.index()).isEmpty()) {
                    problems.add(RuleProblem.atCell(table.file(), sheet.getSheetName(), cellRef(r, column.index()),
                            "This cell is below the blank row " + (blankRow + 1) + " that ends RuleTable "
                                    + table.name() + "; Drools would ignore it. Remove the blank row or the content",
                            "Esta celda está debajo de la fila en blanco " + (blankRow + 1) + " que cierra la tabla "
                                    + table.name() + "; no se leería. Quita la fila en blanco o el contenido"));
                    return r;
                }
            }
        }
        return sheet.getLastRowNum();
    }

    private String cellText(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? "" : text(row.getCell(c));
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }

    private static Column find(List<Column> columns, String keyword) {
        return columns.stream().filter(c -> c.keyword().equals(keyword)).findFirst().orElse(null);
    }

    public static String cellRef(int zeroBasedRow, int column) {
        return CellReference.convertNumToColString(column) + (zeroBasedRow + 1);
    }

}
