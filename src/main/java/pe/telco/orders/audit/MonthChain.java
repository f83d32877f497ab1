package pe.telco.orders.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verifier's view of the chain month by month, the same rule the sealer follows: from the first per-month seal
 * on, a link follows the last link of its own month, and a month's first link the last link of the nearest earlier
 * month (or the genesis). Seals older than that follow the previous seal, whatever its month. Also keeps a section
 * per month walked for the report.
 */
final class MonthChain {

    private final long perMonthFrom;
    private final TreeMap<YearMonth, String> heads;
    private final TreeMap<YearMonth, Section> sections = new TreeMap<>();

    private MonthChain(long perMonthFrom, TreeMap<YearMonth, String> heads) {
        this.perMonthFrom = perMonthFrom;
        this.heads = heads;
    }

    /** The heads of every month as they stood before seal {@code firstSeq} (none before the first). */
    static MonthChain before(Connection c, long firstSeq) throws SQLException {
        long perMonthFrom = Long.parseLong(Sealer.single(c, "select coalesce(min(per_month_from_seq), 1)::text"
                + " from audit_chain_format"));
        TreeMap<YearMonth, String> heads = new TreeMap<>();
        if (firstSeq > 1) {
            try (Statement months = c.createStatement(); ResultSet rs = months.executeQuery("with recursive m as ("
                    + " select min(month) as month from evaluation_seal union all"
                    + " select (select min(s.month) from evaluation_seal s where s.month > m.month) from m"
                    + " where m.month is not null) select month from m where month is not null");
                    PreparedStatement head = c.prepareStatement("select hash from evaluation_seal"
                            + " where month = ? and seq < ? order by seq desc limit 1")) {
                while (rs.next()) {
                    LocalDate month = rs.getObject(1, LocalDate.class);
                    head.setObject(1, month);
                    head.setLong(2, firstSeq);
                    try (ResultSet h = head.executeQuery()) {
                        if (h.next()) {
                            heads.put(YearMonth.from(month), h.getString(1));
                        }
                    }
                }
            }
        }
        return new MonthChain(perMonthFrom, heads);
    }

    /** Whether this seal was chained per month (seals before the partitioned record follow the previous seal). */
    boolean perMonth(long seq) {
        return seq >= perMonthFrom;
    }

    /** The hash a link of this month must follow. */
    String previousFor(YearMonth month) {
        String own = heads.get(month);
        if (own != null) {
            return own;
        }
        Map.Entry<YearMonth, String> earlier = heads.lowerEntry(month);
        return earlier == null ? EvaluationDigest.GENESIS : earlier.getValue();
    }

    /** A verified link: the month's head moves on, and the month's section counts it. */
    void advance(YearMonth month, long seq, String follows, String hash, boolean pseudonymised) {
        Section section = sections.computeIfAbsent(month, m -> new Section(seq));
        if (section.links == 0 && perMonth(seq)) {
            if (!heads.containsKey(month)) {
                Map.Entry<YearMonth, String> earlier = heads.lowerEntry(month);
                section.carriedFrom = earlier == null ? "genesis" : earlier.getKey().toString();
                section.carriedHash = follows;
            }
        }
        section.links++;
        section.lastSeq = seq;
        section.head = hash;
        if (pseudonymised) {
            section.pseudonymised++;
        }
        heads.put(month, hash);
    }

    List<ChainVerification.MonthSection> sections() {
        List<ChainVerification.MonthSection> list = new ArrayList<>();
        sections.forEach((month, s) -> list.add(new ChainVerification.MonthSection(month.toString(), s.links,
                s.firstSeq, s.lastSeq, s.carriedFrom, s.carriedHash, s.head, s.pseudonymised)));
        return list;
    }

    private static final class Section {
        final long firstSeq;
        long lastSeq;
        long links;
        long pseudonymised;
        String carriedFrom;
        String carriedHash;
        String head;

        Section(long firstSeq) {
            this.firstSeq = firstSeq;
            this.lastSeq = firstSeq;
        }
    }
}
