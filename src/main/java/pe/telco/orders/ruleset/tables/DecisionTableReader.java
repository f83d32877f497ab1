package pe.telco.orders.ruleset.tables;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import pe.telco.orders.ruleset.RuleFile;
import pe.telco.orders.ruleset.RuleProblem;

/**
 * Reads the RuleTables of a {@code .drl.xlsx} workbook the way a business user sees them, and enforces what Drools
 * lets pass silently: every table has NAME and DESCRIPTION columns, every row a unique id, a key value and its
 * actions, and nothing is written below the blank row that ends a table.
 */
public final class DecisionTableReader {

    private static final int KEYWORD_ROW = 1;
    private static final int LABEL_ROW = 4;
    private static final int FIRST_DATA_ROW = 5;

    /** A column of a RuleTable: its keyword (CONDITION, ACTION, NAME, ...), snippet and label. */
    public record Column(int index, String keyword, String objectType, String snippet, String label) {

        public String letter() {
            return CellReference.convertNumToColString(index);
        }
    }

    /** One rule row: its id, sentence, Excel row number (1-based) and the text of each column's cell. */
    public record TableRow(String id, String description, int excelRow, Map<Integer, String> cells) {
    }

    /** One RuleTable of a sheet. */
    public record Table(String file, String sheet, String name, int headerExcelRow, List<Column> columns, List<TableRow> rows) {
    }

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    /** Reads every RuleTable of the workbook; adds what is wrong to {@code problems}. */
    public List<Table> read(RuleFile file, List<RuleProblem> problems) {
        if (file.content().length == 0) {
            problems.add(RuleProblem.inFile(file.name(), "The file is empty"));
            return List.of();
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            if (refusedContent(file.name(), workbook, problems)) {
                return List.of();
            }
            List<Table> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<Table> found = readSheet(file.name(), sheet, problems);
                if (!found.isEmpty() && workbook.getSheetIndex(sheet) > 0) {
                    problems.add(RuleProblem.atCell(file.name(), sheet.getSheetName(),
                            DecisionTableReader.cellRef(found.get(0).headerExcelRow() - 1, 0),
                            "Drools reads only the first sheet of a workbook; move this RuleTable to the first sheet"));
                }
                tables.addAll(found);
            }
            if (tables.isEmpty()) {
                problems.add(RuleProblem.inFile(file.name(), "The workbook has no RuleTable: no rule would run"));
            }
            return tables;
        } catch (Exception e) {
            problems.add(RuleProblem.inFile(file.name(),
                    "The file could not be read as an Excel workbook (.xlsx): " + simpleMessage(e)));
            return List.of();
        }
    }

    /** Macros and links to other workbooks have no place in a rule table: they would run or read elsewhere. */
    private static boolean refusedContent(String file, Workbook workbook, List<RuleProblem> problems) {
        if (workbook instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook xssf) {
            if (xssf.isMacroEnabled()) {
                problems.add(RuleProblem.inFile(file, "The workbook contains macros; save it as a plain .xlsx"
                        + " workbook without macros"));
                return true;
            }
            if (!xssf.getExternalLinksTable().isEmpty()) {
                problems.add(RuleProblem.inFile(file, "The workbook links to other workbooks; copy the values in"
                        + " and remove the external links"));
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
            columns.add(new Column(c, keyword, objectType, cellText(sheet, headerRow + 3, c),
                    cellText(sheet, headerRow + LABEL_ROW, c)));
        }
        String header = cellRef(headerRow, firstColumn);
        Column nameColumn = find(columns, "NAME");
        Column descriptionColumn = find(columns, "DESCRIPTION");
        if (nameColumn == null) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header, "RuleTable " + name
                    + " has no NAME column: every row needs a stable rule id (e.g. CREDIT-010)"));
        }
        if (descriptionColumn == null) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header, "RuleTable " + name
                    + " has no DESCRIPTION column: every row needs a sentence saying what it decides"));
        }
        if (columns.stream().noneMatch(c -> c.keyword().equals("CONDITION"))
                || columns.stream().noneMatch(c -> c.keyword().equals("ACTION"))) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), cellRef(headerRow + KEYWORD_ROW, firstColumn),
                    "RuleTable " + name + " needs CONDITION and ACTION columns in the row below its name"));
        }
        List<TableRow> rows = new ArrayList<>();
        for (int r = headerRow + FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Map<Integer, String> cells = new HashMap<>();
            for (Column column : columns) {
                String value = cellText(sheet, r, column.index());
                if (!value.isEmpty()) {
                    cells.put(column.index(), value);
                }
                if (isFormula(sheet, r, column.index())) {
                    problems.add(RuleProblem.atCell(file, sheet.getSheetName(), cellRef(r, column.index()),
                            "This cell holds a formula; a rule table takes typed values only (Drools would read the"
                                    + " formula text, not its result). Type the value instead"));
                }
            }
            if (cells.isEmpty()) {
                break;
            }
            String id = nameColumn == null ? "" : cells.getOrDefault(nameColumn.index(), "");
            String description = descriptionColumn == null ? "" : cells.getOrDefault(descriptionColumn.index(), "");
            rows.add(new TableRow(id, description, r + 1, cells));
            checkRow(file, sheet.getSheetName(), columns, nameColumn, descriptionColumn, r, cells, problems);
        }
        if (rows.isEmpty()) {
            problems.add(RuleProblem.atCell(file, sheet.getSheetName(), header,
                    "RuleTable " + name + " has no rows"));
        }
        return new Table(file, sheet.getSheetName(), name, headerRow + 1, columns, rows);
    }

    private void checkRow(String file, String sheet, List<Column> columns, Column nameColumn, Column descriptionColumn,
            int r, Map<Integer, String> cells, List<RuleProblem> problems) {
        if (nameColumn != null && !cells.containsKey(nameColumn.index())) {
            problems.add(RuleProblem.atCell(file, sheet, cellRef(r, nameColumn.index()),
                    "The rule id (NAME) is empty; every row needs a unique id such as CREDIT-010"));
        }
        if (descriptionColumn != null && !cells.containsKey(descriptionColumn.index())) {
            problems.add(RuleProblem.atCell(file, sheet, cellRef(r, descriptionColumn.index()),
                    "The DESCRIPTION is empty; say in a sentence what this row decides"));
        }
        columns.stream().filter(c -> c.keyword().equals("CONDITION")).findFirst()
                .filter(key -> !cells.containsKey(key.index()))
                .ifPresent(key -> problems.add(RuleProblem.atCell(file, sheet, cellRef(r, key.index()),
                        "'" + key.label() + "' is empty; this first condition column must be filled in every row")));
        for (Column column : columns) {
            if (column.keyword().equals("ACTION") && !cells.containsKey(column.index())) {
                problems.add(RuleProblem.atCell(file, sheet, cellRef(r, column.index()),
                        "'" + column.label() + "' is empty; every row needs its outcome, reason code and message"));
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
                                    + table.name() + "; Drools would ignore it. Remove the blank row or the content"));
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

    private static boolean isFormula(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA;
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

    private static String simpleMessage(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
