package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import pe.telco.orders.engine.RuleFile;

/** Rulesets over HTTP as a business user drives them: upload, activate, roll back; and crafted files to upload. */
public final class RulesetUploads {

    private RulesetUploads() {
    }

    /** Test personas → demo users: ana writes rules, dev changes DRL, bob and carla approve, tester has every role. */
    private static final Map<String, String[]> PEOPLE = Map.of(
            "ana", new String[] {"ana.analyst", "analyst-secret"},
            "dev", new String[] {"dario.dev", "developer-secret"},
            "bob", new String[] {"rita.rules", "rules-secret"},
            "carla", new String[] {"roberto.rules", "rules-secret"},
            "ops", new String[] {"rita.rules", "rules-secret"},
            "tester", new String[] {"tester", "tester-secret"});

    static RequestSpecification as(String person) {
        String[] credentials = PEOPLE.get(person);
        return given().auth().preemptive().basic(credentials[0], credentials[1]);
    }

    public static Response upload(String user, RuleFile... files) {
        RequestSpecification request = as(user).multiPart("comment", "test upload");
        for (RuleFile file : files) {
            request = request.multiPart("file", file.name(), file.content(), "application/octet-stream");
        }
        return request.post("/api/rulesets");
    }

    static Response activate(int version, String user) {
        return as(user).contentType(ContentType.JSON).body(Map.of("comment", "test"))
                .post("/api/rulesets/" + version + "/activation");
    }

    /** The credit table with one business change: CREDIT-070 financed in up to {@code instalments} instalments. */
    public static RuleFile creditInstalments(int instalments) {
        return Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, "Cuotas hasta"))
                .setCellValue(instalments));
    }

    /** A workbook edited with POI, any sheet (e.g. moving sheets). */
    static RuleFile workbook(String name, Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RealRules.file(name).content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook);
            workbook.write(out);
            return new RuleFile(name, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real workbook with one more part of 50 MB of zeros: a few dozen KB to send, a bomb to inflate. */
    static RuleFile zipBomb(String name) {
        return inflating(name, "xl/media/padding.bin", 50);
    }

    /** A real workbook with one more part, {@code part}, that inflates to {@code megabytes} MB of zeros. */
    static RuleFile inflating(String name, String part, int megabytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(RealRules.file(name).content()));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(part));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            out.finish();
            return new RuleFile(name, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
