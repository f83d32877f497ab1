package pe.telco.orders.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): names may come from a request (a rule id), so only a
 * safe file name reaches the header: no control characters, quotes, semicolons, backslashes or path separators.
 */
public final class Attachment {

    private static final int MAX_NAME = 120;
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Attachment() {
    }

    /** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>}. */
    public static String disposition(String fileName) {
        String safe = safeName(fileName);
        return "attachment; filename=\"" + asciiFallback(safe) + "\"; filename*=UTF-8''" + percentEncoded(safe);
    }

    /** Every character that could end a parameter or a header, or name a directory, becomes {@code _}. */
    static String safeName(String fileName) {
        StringBuilder safe = new StringBuilder();
        String name = fileName == null ? "" : fileName;
        name.codePoints().limit(MAX_NAME).forEach(c -> {
            boolean unsafe = Character.isISOControl(c) || c == '"' || c == ';' || c == '\\' || c == '/'
                    || c == ',' || c == '%' || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED;
            safe.appendCodePoint(unsafe ? '_' : c);
        });
        String trimmed = safe.toString().strip();
        return trimmed.isEmpty() || trimmed.chars().allMatch(c -> c == '.') ? "download" : trimmed;
    }

    private static String asciiFallback(String safe) {
        StringBuilder ascii = new StringBuilder();
        safe.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
        return ascii.toString();
    }

    private static String percentEncoded(String safe) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : safe.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                out.write(c);
            } else {
                byte[] hex = String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII);
                out.write(hex, 0, hex.length);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
