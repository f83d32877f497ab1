package pe.telco.orders.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.suite.RuleCoverage;
import pe.telco.orders.engine.suite.SuiteResult;
import pe.telco.orders.engine.tables.ExampleCases.ExampleResult;

/**
 * What an upload found besides errors: quality warnings, the example cases run, the past orders re-run, each
 * regression suite case with its expected and actual decision and reasons, and the row coverage (rules no example
 * and no suite case fired). A developer's upload (DRL or table structure) is only compiled at upload:
 * {@code checksPending} until a second person activates it, when the examples, past orders and suite run. Reports
 * stored before suites existed have no {@code suite} and {@code coverage}.
 */
public record UploadReport(List<Warning> warnings, List<ExampleResult> examples, int snapshotsChecked,
        int snapshotsUnreadable, boolean checksPending, List<SuiteResult> suite, RuleCoverage coverage) {

    public UploadReport(List<Warning> warnings, List<ExampleResult> examples, int snapshotsChecked,
            int snapshotsUnreadable, boolean checksPending) {
        this(warnings, examples, snapshotsChecked, snapshotsUnreadable, checksPending, null, null);
    }

    /** The suite cases that did not give what the business expects: while there are any, activation is refused. */
    @JsonIgnore
    public List<SuiteResult> failingCases() {
        return suite == null ? List.of() : suite.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * A warning where a business user can find it; {@code inBase} when the version it is based on had it too;
     * {@code spanish} is the same message for the Spanish console (absent in reports stored before it was kept).
     */
    public record Warning(String field, String message, boolean inBase, String spanish) {

        static Warning of(RuleProblem problem, boolean inBase) {
            return new Warning(problem.location(), problem.message(), inBase, problem.spanish());
        }

        /** The message in the console's language: {@code es} or {@code en}. */
        public String message(String language) {
            return "es".equals(language) && spanish != null ? spanish : message;
        }
    }
}
