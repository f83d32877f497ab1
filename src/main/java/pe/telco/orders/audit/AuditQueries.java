package pe.telco.orders.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import pe.telco.orders.common.Page;

/**
 * Searches of the audit record in plain SQL: pages for the API, and cursors (fetch size, autocommit off) for CSV
 * exports, so an export of any size holds one fetch of rows in memory at a time.
 */
@ApplicationScoped
public class AuditQueries {

    /** Firings with their evaluation: the time joins too, so each firing is matched in its own month's partition. */
    static final String FIRINGS = "rule_firing f join evaluation e on e.id = f.evaluation_id"
            + " and e.evaluated_at = f.evaluated_at";

    static final int FETCH_SIZE = 1_000;

    private final DataSource db;

    public AuditQueries(DataSource db) {
        this.db = db;
    }

    /** A row mapper that may throw SQLException. */
    @FunctionalInterface
    interface Rows<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public Page<EvaluationListItem> evaluations(EvaluationFilter filter, Sort sort, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        long total = count("select count(*) from evaluation e where " + where, params);
        String sql = "select " + EvaluationListItem.COLUMNS + " from evaluation e where " + where + " order by "
                + sort.sql() + " limit ? offset ?";
        return new Page<>(list(sql, paged(params, page, size), EvaluationListItem::from), page, size, total);
    }

    public void streamEvaluations(EvaluationFilter filter, Sort sort, Consumer<EvaluationListItem> each) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + EvaluationListItem.COLUMNS + " from evaluation e where " + filter.where(params)
                + " order by " + sort.sql();
        stream(sql, params, EvaluationListItem::from, each);
    }

    public Page<RuleFiringItem> firings(String ruleId, EvaluationFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = firingsWhere(ruleId, filter, params);
        long total = count("select count(*) from " + FIRINGS + " where "
                + where, params);
        String sql = "select " + RuleFiringItem.COLUMNS + " from " + FIRINGS + " where " + where
                + " order by f.evaluation_id desc, f.sequence limit ? offset ?";
        return new Page<>(list(sql, paged(params, page, size), RuleFiringItem::from), page, size, total);
    }

    public void streamFirings(String ruleId, EvaluationFilter filter, Consumer<RuleFiringItem> each) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + RuleFiringItem.COLUMNS + " from " + FIRINGS + " where "
                + firingsWhere(ruleId, filter, params)
                + " order by f.evaluation_id desc, f.sequence";
        stream(sql, params, RuleFiringItem::from, each);
    }

    /** Firings by rule, newest evaluation first; evaluation ids grow with time, and this order uses the index. */
    private static String firingsWhere(String ruleId, EvaluationFilter filter, List<Object> params) {
        params.add(ruleId);
        return "f.rule_id = ? and " + filter.firingsWhere(params);
    }

    <T> List<T> list(String sql, List<Object> params, Rows<T> rows) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            List<T> items = new ArrayList<>();
            while (rs.next()) {
                items.add(rows.map(rs));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("Audit query failed: " + e.getMessage(), e);
        }
    }

    long count(String sql, List<Object> params) {
        return list(sql, params, rs -> rs.getLong(1)).get(0);
    }

    /** Runs on a server-side cursor: PostgreSQL sends FETCH_SIZE rows at a time only with autocommit off. */
    <T> void stream(String sql, List<Object> params, Rows<T> rows, Consumer<T> each) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = prepare(c, sql, params)) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rows.map(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit export failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    private static List<Object> paged(List<Object> params, int page, int size) {
        List<Object> all = new ArrayList<>(params);
        all.add(size);
        all.add((long) page * size);
        return all;
    }

    /** Order of an evaluation search: newest first unless asked otherwise. */
    public enum Sort {
        NEWEST("e.evaluated_at desc, e.id desc"), OLDEST("e.evaluated_at, e.id");

        private final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        /** {@code -evaluatedAt} (default) or {@code evaluatedAt}. */
        public static Sort of(String value) {
            if (value == null || value.isBlank() || value.equals("-evaluatedAt")) {
                return NEWEST;
            }
            if (value.equals("evaluatedAt")) {
                return OLDEST;
            }
            throw new pe.telco.orders.common.InvalidInput("sort", "must be -evaluatedAt (newest first) or evaluatedAt");
        }
    }
}
