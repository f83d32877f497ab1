package pe.telco.orders.engine.tables;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CONDITION column's snippet asks, read once for every reader (the table checks and warnings, and the
 * explanation of a stored decision), so they can never read a column differently. The snippets a table may use are
 * declared in {@link ColumnTypes}; these are their three shapes:
 * <ul>
 * <li>{@code creditScore >= $param}: a field compared with the cell ({@link Kind#COMPARISON});</li>
 * <li>{@code inCategories("$param")}: the fact's category is one of the cell's list ({@link Kind#IN_LIST});</li>
 * <li>{@code speedFor($q.requestedMbps) == "$param"}: a method of the fact, given a field of another pattern's fact,
 * equals the cell ({@link Kind#METHOD_OF_BINDING}).</li>
 * </ul>
 * Anything else is {@link Kind#OTHER}: checked as declared, never interpreted.
 *
 * @param subject  what the cell is compared with, as written: a field, {@code speedFor($q.requestedMbps)}, or the
 *                 listed field ({@code category})
 * @param operator {@code == != >= <= > <}, {@code IN} for a list, {@code ?} for OTHER
 * @param method   the method called ({@code inCategories}, {@code speedFor}), or null
 * @param binding  the other pattern's variable ({@code $q}), or null
 * @param argument the field of that other fact ({@code requestedMbps}), or null
 */
public record ConditionSnippet(Kind kind, String subject, String operator, String method, String binding,
        String argument) {

    /** The shape of a snippet. */
    public enum Kind { COMPARISON, IN_LIST, METHOD_OF_BINDING, OTHER }

    private static final Pattern COMPARISON = Pattern.compile("^(\\w+)\\s*(==|!=|>=|<=|>|<)\\s*\"?\\$param\"?$");
    private static final Pattern IN_LIST = Pattern.compile("^(in(\\w+))\\(\\s*\"\\$param\"\\s*\\)$");
    private static final Pattern METHOD_OF_BINDING =
            Pattern.compile("^((\\w+)\\((\\$\\w+)\\.(\\w+)\\))\\s*(==)\\s*\"?\\$param\"?$");

    public static ConditionSnippet parse(String snippet) {
        String text = snippet.strip();
        Matcher m = COMPARISON.matcher(text);
        if (m.matches()) {
            return new ConditionSnippet(Kind.COMPARISON, m.group(1), m.group(2), null, null, null);
        }
        m = IN_LIST.matcher(text);
        if (m.matches()) {
            // inCategories("...") lists categories: the field is the singular, category
            String plural = m.group(2);
            String field = Character.toLowerCase(plural.charAt(0)) + plural.substring(1).replaceAll("ies$", "y")
                    .replaceAll("s$", "");
            return new ConditionSnippet(Kind.IN_LIST, field, "IN", m.group(1), null, null);
        }
        m = METHOD_OF_BINDING.matcher(text);
        if (m.matches()) {
            return new ConditionSnippet(Kind.METHOD_OF_BINDING, m.group(1), m.group(5), m.group(2), m.group(3),
                    m.group(4));
        }
        return new ConditionSnippet(Kind.OTHER, text, "?", null, null, null);
    }
}
