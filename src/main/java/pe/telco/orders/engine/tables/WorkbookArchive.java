package pe.telco.orders.engine.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;

/**
 * Looks at an uploaded file before any Excel library opens it: it must be an .xlsx package (not an old .xls, a CSV or
 * a Word document renamed), and no part of it may inflate past the limits, counted while inflating, so a small file
 * that unpacks to hundreds of megabytes never reaches the heap.
 */
public final class WorkbookArchive {

    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private WorkbookArchive() {
    }

    /** True when the file may be opened; otherwise one plain sentence about it is added to {@code problems}. */
    public static boolean check(RuleFile file, DecisionTableReader.Limits limits, List<RuleProblem> problems) {
        byte[] bytes = file.content();
        if (startsWith(bytes, OLE2)) {
            return refuse(file, problems, "This is an old Excel 97-2003 file (.xls) renamed .xlsx; open it in Excel"
                    + " and save it as an Excel workbook (.xlsx)", "Es un archivo antiguo de Excel 97-2003 (.xls) con"
                    + " otro nombre; ábrelo en Excel y guárdalo como libro de Excel (.xlsx)");
        }
        if (!startsWith(bytes, ZIP)) {
            return refuse(file, problems, "This is not an Excel workbook (it looks like text or another kind of"
                    + " file, e.g. a CSV); open it in Excel and save it as an Excel workbook (.xlsx)", "No es un libro"
                    + " de Excel (parece texto u otro tipo de archivo, p. ej. un CSV); ábrelo en Excel y guárdalo como"
                    + " libro de Excel (.xlsx)");
        }
        Set<String> parts = new HashSet<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.add(entry.getName());
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > limits.bytesPerPart() || total > limits.bytesPerWorkbook()) {
                        String limit = size > limits.bytesPerPart()
                                ? (limits.bytesPerPart() >> 20) + " MB in one part (" + entry.getName() + ")"
                                : (limits.bytesPerWorkbook() >> 20) + " MB";
                        return refuse(file, problems, "The workbook unpacks to more than " + limit + "; a rule table"
                                + " is far smaller. Remove pictures and unused sheets, or send the table alone",
                                "El libro descomprimido ocupa más de " + limit.replace("in one part", "en una parte")
                                        + "; una tabla de reglas es mucho menor. Quita imágenes y hojas que no se"
                                        + " usan, o envía solo la tabla");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return refuse(file, problems, "The workbook is damaged and cannot be unpacked; open it in Excel and save"
                    + " it again as an Excel workbook (.xlsx)", "El libro está dañado y no se puede abrir; ábrelo en"
                    + " Excel y guárdalo de nuevo como libro de Excel (.xlsx)");
        }
        if (!parts.contains("xl/workbook.xml")) {
            boolean word = parts.contains("word/document.xml");
            return refuse(file, problems, word
                    ? "This is a Word document, not an Excel workbook; send the .xlsx file of the table"
                    : "This is not an Excel workbook (.xlsx); send the .xlsx file of the table", word
                    ? "Es un documento de Word, no un libro de Excel; envía el archivo .xlsx de la tabla"
                    : "No es un libro de Excel (.xlsx); envía el archivo .xlsx de la tabla");
        }
        return true;
    }

    private static boolean refuse(RuleFile file, List<RuleProblem> problems, String message, String spanish) {
        problems.add(RuleProblem.inFile(file.name(), message, spanish));
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
