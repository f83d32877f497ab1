package pe.telco.orders.ruleset;

import java.util.List;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.ExampleCases.ExampleResult;

/**
 * What an upload found besides errors: quality warnings, the example cases run, and the past orders re-run. A
 * developer's upload (DRL or table structure) is only compiled at upload: {@code checksPending} until a second person
 * activates it, when the examples and past orders run.
 */
public record UploadReport(List<Warning> warnings, List<ExampleResult> examples, int snapshotsChecked,
        int snapshotsUnreadable, boolean checksPending) {

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
