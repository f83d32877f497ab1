package pe.telco.orders.engine.suite;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader;

/**
 * One sheet of a regression suite as rows of raw cell values, found by the input name in brackets at the end of each
 * heading ({@code Puntaje [creditScore]}), so the business may order and label its columns freely. A heading with an
 * unknown name, a formula, a date where text was meant or anything below the blank row that ends the rows is a
 * problem naming the cell.
 */
final class SuiteSheet {

    /** One data row: its zero-based index and its raw values by input name (absent when the cell is blank). */
    record Line(int index, Map<String, String> values) {

        String get(String key) {
            return values.getOrDefault(key, "");
        }
    }

    private static final Pattern KEY = Pattern.compile("\\[(\\w+)]\\s*$");
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    final String file;
    final String name;
    final Map<String, Integer> columns = new LinkedHashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    final List<Line> lines = new ArrayList<>();

    private SuiteSheet(String file, String name) {
        this.file = file;
        this.name = name;
    }

    /**
     * Reads the sheet named {@code sheetName} (accents and case ignored) whose heading row is the first with a first
     * cell ending in {@code [firstKey]}; {@code null} (and a problem) when it cannot be read at all.
     */
    static SuiteSheet read(Workbook workbook, String file, String sheetName, String firstKey, Set<String> keys,
            Set<String> required, int maxRows, List<RuleProblem> problems) {
        Sheet sheet = find(workbook, sheetName);
        if (sheet == null) {
            problems.add(RuleProblem.inFile(file, "The suite needs a sheet named " + sheetName,
                    "La batería de casos necesita una hoja llamada " + sheetName));
            return null;
        }
        SuiteSheet read = new SuiteSheet(file, sheet.getSheetName());
        int header = -1;
        for (Row row : sheet) {
            Matcher key = KEY.matcher(text(row.getCell(0)));
            if (key.find() && key.group(1).equals(firstKey)) {
                header = row.getRowNum();
                break;
            }
        }
        if (header < 0) {
            problems.add(read.at(0, 0, "The sheet needs a heading row whose first cell ends with [" + firstKey + "]",
                    "La hoja necesita una fila de títulos cuya primera celda termine con [" + firstKey + "]"));
            return null;
        }
        if (!read.headings(sheet.getRow(header), keys, required, problems)) {
            return null;
        }
        read.rows(sheet, header, maxRows, problems);
        return read;
    }

    private boolean headings(Row row, Set<String> keys, Set<String> required, List<RuleProblem> problems) {
        int before = problems.size();
        for (Cell cell : row) {
            String label = text(cell);
            if (label.isEmpty()) {
                continue;
            }
            Matcher key = KEY.matcher(label);
            if (!key.find() || !keys.contains(key.group(1))) {
                problems.add(at(row.getRowNum(), cell.getColumnIndex(), "Unknown column '" + label + "'; each heading"
                        + " ends with one of [" + String.join("], [", keys) + "]", "Columna desconocida «" + label
                        + "»; cada título termina con uno de [" + String.join("], [", keys) + "]"));
            } else if (columns.putIfAbsent(key.group(1), cell.getColumnIndex()) != null) {
                problems.add(at(row.getRowNum(), cell.getColumnIndex(), "Column [" + key.group(1) + "] appears"
                        + " twice", "La columna [" + key.group(1) + "] aparece dos veces"));
            } else {
                labels.put(key.group(1), label);
            }
        }
        for (String key : required) {
            if (!columns.containsKey(key) && problems.size() == before) {
                problems.add(at(row.getRowNum(), 0, "The sheet needs a column [" + key + "]",
                        "La hoja necesita una columna [" + key + "]"));
            }
        }
        return problems.size() == before;
    }

    private void rows(Sheet sheet, int header, int maxRows, List<RuleProblem> problems) {
        int r = header + 1;
        for (; r <= sheet.getLastRowNum(); r++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                Cell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(column.getValue());
                String value = value(cell, r, problems);
                if (!value.isEmpty()) {
                    values.put(column.getKey(), value);
                }
            }
            if (values.isEmpty()) {
                break;
            }
            if (lines.size() == maxRows) {
                problems.add(at(r, 0, "The sheet has more than " + maxRows + " rows; split the suite",
                        "La hoja tiene más de " + maxRows + " filas; divide la batería"));
                return;
            }
            lines.add(new Line(r, values));
        }
        for (int below = r + 1; below <= sheet.getLastRowNum(); below++) {
            for (int column : columns.values()) {
                Row row = sheet.getRow(below);
                if (row != null && !text(row.getCell(column)).isEmpty()) {
                    problems.add(at(below, column, "This cell is below the blank row " + (r + 1) + " that ends the"
                            + " rows and would be ignored; remove the blank row or the content", "Esta celda está"
                            + " debajo de la fila en blanco " + (r + 1) + " que cierra las filas y no se leería; quita"
                            + " la fila en blanco o el contenido"));
                    return;
                }
            }
        }
    }

    /** A cell's value as typed: a number as its plain decimal, never a formula's result or a date's serial number. */
    private String value(Cell cell, int r, List<RuleProblem> problems) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            problems.add(at(r, cell.getColumnIndex(), "This cell holds a formula; a suite takes typed values only."
                    + " Type the value instead", "Esta celda tiene una fórmula; la batería solo lleva valores escritos."
                    + " Escribe el valor"));
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            problems.add(at(r, cell.getColumnIndex(), "Excel turned this value into a date; type it as text (start"
                    + " it with an apostrophe, e.g. '2026-01)", "Excel convirtió este valor en una fecha; escríbelo"
                    + " como texto (empieza con un apóstrofo, p. ej. '2026-01)"));
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> text(cell);
        };
    }

    /** A problem at a cell of this sheet. */
    RuleProblem at(int row, int column, String message, String spanish) {
        return RuleProblem.atCell(file, name, DecisionTableReader.cellRef(row, column), message, spanish);
    }

    /** A problem at the cell of {@code key} in {@code line}, prefixed with the row's case or product. */
    RuleProblem at(Line line, String key, String owner, String propietario, String message, String spanish) {
        String label = labels.getOrDefault(key, "[" + key + "]");
        return at(line.index(), columns.getOrDefault(key, 0), owner + ", '" + label + "': " + message,
                propietario + ", «" + label + "»: " + spanish);
    }

    /** Where a row is, for reports: {@code file!sheet!A5}. */
    String location(Line line) {
        return file + "!" + name + "!" + DecisionTableReader.cellRef(line.index(), 0);
    }

    private static Sheet find(Workbook workbook, String name) {
        for (Sheet sheet : workbook) {
            if (plain(sheet.getSheetName()).equals(plain(name))) {
                return sheet;
            }
        }
        return null;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : FORMATTER.formatCellValue(cell).trim();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
