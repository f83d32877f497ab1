package pe.telco.orders.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.rules.RealRules;

/**
 * Compile time, warm JVM, one compile per iteration: the whole real ruleset, and a credit table of 1,000 rows
 * generated with POI on the real credit.drl.xlsx layout (its header rows kept, its data rows replaced).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class CompileBenchmark {

    static final int GENERATED_ROWS = 1_000;

    List<RuleFile> ruleset;
    RuleFile bigCredit;

    @Setup
    public void read() {
        BenchmarkLogging.asInTheService();
        ruleset = RealRules.files();
        bigCredit = creditTable(GENERATED_ROWS);
        int rules = new RulesetCompiler().compile(2, List.of(bigCredit)).catalog().size();
        if (rules != GENERATED_ROWS) {
            throw new IllegalStateException("The generated credit table compiled to " + rules + " rules");
        }
    }

    @Benchmark
    public CompiledRuleset wholeRuleset() {
        return new RulesetCompiler().compile(1, ruleset);
    }

    @Benchmark
    public CompiledRuleset creditTable1000Rows() {
        return new RulesetCompiler().compile(2, List.of(bigCredit));
    }

    /** Rows under the real header: score bands by segment, tenure and financed amount, each its own id. */
    static RuleFile creditTable(int rows) {
        RuleFile real = RealRules.file("credit.drl.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(real.content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            int first = 10; // Excel row 11: the first data row (CREDIT-010) under the label row
            for (int r = sheet.getLastRowNum(); r >= first; r--) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(first + i);
                boolean business = i % 2 == 1;
                int score = 300 + (i / 2) % 500;
                int tenure = (i / 10) % 60;
                int financed = 500 + 100 * (i % 50);
                String[] cells = {"CREDIT-" + (10_000 + i), "Generated row " + i + " of the benchmark table",
                        business ? "BUSINESS" : "RESIDENTIAL", "true", Integer.toString(score),
                        Integer.toString(score + 9), "", "100", Integer.toString(tenure),
                        Integer.toString(financed), "36", i % 3 == 0 ? "REVIEW" : "PASS", "GENERATED_" + (i % 7),
                        "Fila generada " + i + ": puntaje {creditScore}, S/ {financedTotal}",
                        "Resultado de la evaluación crediticia " + (i % 7)};
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return new RuleFile("credit.drl.xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
