package pe.telco.orders.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import pe.telco.orders.engine.RuleFile;

/** Edits a copy of a real workbook the way a business user would in Excel, for tests of broken tables. */
final class Workbooks {

    private Workbooks() {
    }

    static RuleFile edited(String name, Consumer<Sheet> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RealRules.file(name).content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return new RuleFile(name, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell whose text is exactly {@code text}, e.g. a rule id. */
    static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().trim().equals(text)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell " + text + " in sheet " + sheet.getSheetName());
    }

    static Cell cell(Sheet sheet, int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    /** The column index of the label row cell that starts with {@code label}. */
    static int column(Sheet sheet, String labelStart) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().startsWith(labelStart)) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no label " + labelStart);
    }

    /** The shipped credit table (12 rows) with copies of its last row after it, up to {@code total} rows. */
    static RuleFile creditTableOf(int total) {
        return edited("credit.drl.xlsx", sheet -> {
            Row last = sheet.getRow(find(sheet, "CREDIT-120").getRowIndex());
            int first = find(sheet, "CREDIT-010").getRowIndex();
            for (int r = last.getRowNum() + 1; r < first + total; r++) {
                Row row = sheet.createRow(r);
                last.forEach(cell -> {
                    Cell copy = row.createCell(cell.getColumnIndex());
                    switch (cell.getCellType()) {
                        case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                        default -> copy.setCellValue(cell.toString());
                    }
                });
                row.getCell(0).setCellValue("CREDIT-9" + String.format("%05d", r));
            }
        });
    }
}
