package pe.telco.orders.console;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import pe.telco.orders.common.Page;

/**
 * The filters of a work list as query parameters: read from a link or from the hidden field a row's form carries
 * (so that after the action the person is back at the same view), and written back as a query string.
 */
final class ListView {

    /** The form field that carries the list's filters to an action and back. */
    static final String FIELD = "view";

    private ListView() {
    }

    /** Parameters of a query string ({@code state=open&page=2}); blank or unreadable ones are left out. */
    static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.length() > 500) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed escape: that parameter is left out, the list keeps its default
                }
            }
        }
        return params;
    }

    /** The parameters as a query string, the null ones left out. */
    static String query(Map<String, ?> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** A page number as a link gives it: absent or unreadable → the first, never past the lists' largest offset. */
    static int page(String value, int size) {
        try {
            int page = value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
            return Math.max(0, Math.min(page, Page.MAX_OFFSET / size));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
